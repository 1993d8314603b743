import Link from "next/link";
import { textLink } from "@/components/ui/styles";

export default function CustomerNotFound() {
  return (
    <div className="max-w-lg space-y-3">
      <h1 className="text-xl font-semibold">No such customer</h1>
      <p className="text-sm text-slate-700">
        There is no customer with this ID in this workspace and mode. It may belong to another workspace, or
        to the other mode (test or live): check the switch in the header.
      </p>
      <Link className={textLink} href="/dashboard/customers">
        Back to customers
      </Link>
    </div>
  );
}
