"use client";
import { AvatarBadge, type AvatarLook } from "@/components/customers/avatar-badge";
import { ROW_LINK } from "@/components/customers/row-links";

/** One row of the customers list, every value worked out on the server (CustomerTable). */
export type CustomerRow = {
  id: string;
  displayName: string;
  avatar: AvatarLook;
  archived: boolean;
  email: string | null;
  externalId: string | null;
  createdAt: string;
  /** createdAt as a short date in the workspace's time zone. */
  created: string;
};

/**
 * The list's rows. A client component only for what it costs the server: the rows travel to the
 * browser as their values (about 200 bytes each) instead of as a tree of server-rendered elements with
 * every class name repeated 50 times (about 1,300), and the server serializes and re-reads that much
 * less. It computes nothing: initials, colors and dates come in as text, so server and browser render
 * the same thing, and user-supplied text is rendered as text.
 */
export function CustomerRows({ rows }: { rows: CustomerRow[] }) {
  return rows.map((customer) => (
    <tr key={customer.id} className="relative hover:bg-slate-50" data-customer-id={customer.id}>
      <td className="max-w-xs px-4 py-3">
        <a
          {...ROW_LINK}
          href={`/dashboard/customers/${customer.id}`}
          className="flex items-center gap-3 font-medium text-slate-900 after:absolute after:inset-0 focus-visible:outline-2 focus-visible:outline-indigo-700"
        >
          <AvatarBadge look={customer.avatar} />
          <span className="truncate" data-testid="display-name">
            {customer.displayName}
          </span>
          {customer.archived && (
            <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-800">Archived</span>
          )}
        </a>
      </td>
      <td className="max-w-xs truncate px-4 py-3 text-slate-700">{customer.email ?? "—"}</td>
      <td className="max-w-40 truncate px-4 py-3 font-mono text-xs text-slate-700">
        {customer.externalId ?? ""}
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-slate-700">
        <time dateTime={customer.createdAt}>{customer.created}</time>
      </td>
    </tr>
  ));
}
