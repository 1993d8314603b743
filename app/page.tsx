import Link from "next/link";
import { primaryButton, secondaryButton, textLink } from "@/components/ui/styles";

export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-2xl flex-col gap-6 px-6 py-16">
      <h1 className="text-3xl font-semibold">Plugipay</h1>
      <p className="text-slate-700">
        The address book under every payment, subscription and invoice. Integrators use the REST API at{" "}
        <code className="rounded bg-slate-100 px-1">/api/v1</code>; merchants use the dashboard.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link className={primaryButton} href="/dashboard/customers">
          Sign in to the dashboard
        </Link>
        <Link className={secondaryButton} href="/signup">
          Create a workspace
        </Link>
      </div>
      <ul className="flex gap-4 text-sm">
        <li>
          <a className={textLink} href="/api/health">
            API health
          </a>
        </li>
        <li>
          <a className={textLink} href="/api/v1/openapi.json">
            OpenAPI document
          </a>
        </li>
      </ul>
    </main>
  );
}
