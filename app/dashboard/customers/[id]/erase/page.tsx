import { customerOr404 } from "@/lib/dashboard/customer-or-404";
import { getDashboardContext } from "@/lib/dashboard/context";

export default async function Placeholder({ params }: PageProps<"/dashboard/customers/[id]/erase">) {
  const { id } = await params;
  const { scope } = await getDashboardContext();
  const customer = await customerOr404(scope, id);
  return <h1>{customer.id}</h1>;
}
