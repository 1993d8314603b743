import type { Metadata } from "next";
import { NewCustomerForm } from "@/app/dashboard/customers/new/new-customer-form";
import { getDashboardContext } from "@/lib/dashboard/context";

export const metadata: Metadata = { title: "New customer" };

export default async function NewCustomerPage() {
  const { livemode } = await getDashboardContext();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New customer</h1>
      <p className="text-sm text-slate-700">Created in {livemode ? "live" : "test"} mode.</p>
      <NewCustomerForm />
    </div>
  );
}
