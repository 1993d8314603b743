import type { Metadata } from "next";
import Link from "next/link";
import { ImportWizard } from "@/app/dashboard/customers/import/import-wizard";
import { textLink } from "@/components/ui/styles";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/customers/csv-import/limits";
import { getDashboardContext } from "@/lib/dashboard/context";

export const metadata: Metadata = { title: "Import customers" };

const count = (n: number) => n.toLocaleString("en-US");

export default async function ImportCustomersPage() {
  const { scope } = await getDashboardContext();
  return (
    <div className="max-w-4xl space-y-6">
      <Link className={`${textLink} text-sm`} href="/dashboard/customers">
        ← Customers
      </Link>
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">Import customers</h1>
        <p className="mt-1 text-sm text-slate-700">
          Into {scope.livemode ? "live" : "test"} data, from a CSV file (UTF-8, comma- or semicolon-separated,
          up to {count(IMPORT_MAX_ROWS)} rows and {IMPORT_MAX_BYTES / 1024 / 1024} MB). Your browser reads the
          file; only its rows are sent, in batches, and the file itself is never stored.
        </p>
      </div>
      <ImportWizard workspaceId={scope.workspaceId} livemode={scope.livemode} />
      <details className="rounded-lg border border-slate-200 p-4 text-sm text-slate-800">
        <summary className="cursor-pointer font-medium focus-visible:outline-2 focus-visible:outline-indigo-700">
          How rows are matched, and which columns are recognised
        </summary>
        <ul className="mt-3 list-disc space-y-1 pl-5">
          <li>
            A row with an <code>id</code> (as the export writes it) updates that customer; a row whose{" "}
            <code>externalId</code> already exists updates that customer; any other row creates one. Importing
            the same file twice changes nothing the second time.
          </li>
          <li>
            Updates change only the columns you import; an empty cell clears that field. A{" "}
            <code>metadata</code> column (a JSON object, as the export writes it) replaces the whole map;{" "}
            <code>metadata.KEY</code> columns set one key each.
          </li>
          <li>
            Headers such as <code>externalId</code>, <code>External ID</code>, <code>email</code>,{" "}
            <code>e-mail</code>, <code>name</code>, <code>full name</code>, <code>phone</code>,{" "}
            <code>mobile</code>, <code>taxId</code>, <code>NPWP</code> or <code>VAT</code> are recognised; you
            can change every choice. The export&apos;s <code>createdAt</code> and <code>archivedAt</code> are
            read-only and ignored.
          </li>
          <li>
            An interrupted import can be resumed for 23 hours: pick the same file again in this browser.
          </li>
        </ul>
      </details>
    </div>
  );
}
