import type { Metadata } from "next";
import { CreateKeyForm } from "@/app/dashboard/developers/create-key-form";
import { RevokeKeyButton } from "@/app/dashboard/developers/revoke-key-button";
import { WebhooksSection } from "@/app/dashboard/developers/webhooks-section";
import { SimpleTable } from "@/components/ui/simple-table";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { formatShortDate } from "@/lib/customers/presentation";
import { getDashboardContext } from "@/lib/dashboard/context";

export const metadata: Metadata = { title: "Developers" };

export default async function DevelopersPage() {
  const { scope, workspace, livemode } = await getDashboardContext();
  const keys = await listApiKeys(scope);
  const mode = livemode ? "live" : "test";
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Developers</h1>
        <p className="mt-1 max-w-prose text-sm text-slate-700">
          Secret keys let your servers call the Plugipay API. A key works in one mode: these are the{" "}
          <strong>{mode}</strong> keys of {workspace.name}. After a key is created only its last four
          characters are shown.
        </p>
      </div>
      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-lg font-semibold">
          Secret keys ({mode})
        </h2>
        <SimpleTable
          caption={`Secret keys (${mode})`}
          headers={["Name", "Key", "Created", "Status", null]}
          emptyMessage={keys.length === 0 ? `No ${mode} keys yet.` : undefined}
        >
          {keys.map((key) => {
            const masked = `sk_${mode}_…${key.last4}`;
            return (
              <tr key={key.id} data-key-id={key.id}>
                <td className="px-4 py-3">{key.name ?? "Secret key"}</td>
                <td className="px-4 py-3 font-mono whitespace-nowrap">{masked}</td>
                <td className="px-4 py-3 whitespace-nowrap">
                  <time dateTime={key.createdAt.toISOString()}>
                    {formatShortDate(key.createdAt, workspace.timeZone)}
                  </time>
                </td>
                <td className="px-4 py-3">{key.revokedAt ? "Revoked" : "Active"}</td>
                <td className="px-4 py-3 text-right">
                  {!key.revokedAt && <RevokeKeyButton keyId={key.id} label={masked} />}
                </td>
              </tr>
            );
          })}
        </SimpleTable>
      </section>
      <section aria-labelledby="create-heading" className="space-y-3">
        <h2 id="create-heading" className="text-lg font-semibold">
          Create a {mode} key
        </h2>
        <CreateKeyForm livemode={livemode} />
      </section>
      <WebhooksSection />
    </div>
  );
}
