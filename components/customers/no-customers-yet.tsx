import { CopyButton } from "@/components/ui/copy-button";
import { env } from "@/lib/env";

/** The empty workspace: how customers arrive, and a curl that makes the first one. */
export function NoCustomersYet({ livemode }: { livemode: boolean }) {
  const key = livemode ? "sk_live_xxx" : "sk_test_xxx";
  const curl = [
    `curl ${env.APP_URL}/v1/customers \\`,
    `  -u ${key}: \\`,
    `  -d email=alice@example.com \\`,
    `  -d name="Alice Smith"`,
  ].join("\n");
  return (
    <section
      aria-labelledby="no-customers"
      className="rounded-lg border border-dashed border-slate-300 px-6 py-8"
    >
      <h2 id="no-customers" className="text-lg font-semibold text-slate-900">
        No customers yet
      </h2>
      <p className="mt-2 max-w-prose text-sm text-slate-700">
        Customers appear here by themselves when someone pays through checkout with a new email, and when your
        systems create them with the API. Replace <code className="font-mono">{key}</code> with a{" "}
        {livemode ? "live" : "test"} secret key from the Developers page, then run:
      </p>
      <pre className="mt-4 overflow-x-auto rounded-md bg-slate-900 p-4 font-mono text-sm text-slate-100">
        <code>{curl}</code>
      </pre>
      <div className="mt-3">
        <CopyButton text={curl} label="Copy command" />
      </div>
    </section>
  );
}
