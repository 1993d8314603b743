import type { Metadata } from "next";
import { ComingSoon } from "@/components/dashboard/coming-soon";

export const metadata: Metadata = { title: "Subscriptions" };

export default function SubscriptionsPage() {
  return <ComingSoon title="Subscriptions" />;
}
