import Link from "next/link";
import { textLink } from "@/components/ui/styles";

/** A section of the sidebar whose list is not built yet. */
export function ComingSoon({ title }: { title: string }) {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">{title}</h1>
      <p className="max-w-prose text-sm text-slate-700">
        This list is not in the dashboard yet. Each customer&apos;s {title.toLowerCase()} will be listed here,
        with links to the customer.
      </p>
      <Link className={textLink} href="/dashboard/customers">
        Back to customers
      </Link>
    </div>
  );
}
