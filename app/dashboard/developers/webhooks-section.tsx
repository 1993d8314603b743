// The Developers page's webhooks: the mode's endpoints, a form to add one, and recent deliveries
// with their outcome and a Resend button.
import { ResendDeliveryButton } from "@/app/dashboard/developers/resend-delivery-button";
import { WebhookEndpointForm } from "@/app/dashboard/developers/webhook-endpoint-form";
import { SimpleTable } from "@/components/ui/simple-table";
import { getDashboardContext } from "@/lib/dashboard/context";
import { listRecentDeliveries } from "@/lib/webhooks/webhook-deliveries";
import { listWebhookEndpoints } from "@/lib/webhooks/webhook-endpoints";

const td = "px-4 py-3";

const statusStyle: Record<string, string> = {
  succeeded: "bg-emerald-100 text-emerald-900",
  pending: "bg-amber-100 text-amber-900",
  failed: "bg-red-100 text-red-900",
};

export async function WebhooksSection() {
  const { scope, livemode, workspace } = await getDashboardContext();
  const [endpoints, deliveries] = await Promise.all([
    listWebhookEndpoints(scope),
    listRecentDeliveries(scope),
  ]);
  const mode = livemode ? "live" : "test";
  const format = new Intl.DateTimeFormat("en-US", {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    timeZone: workspace.timeZone,
  });
  const when = (date: Date) => (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {format.format(date)}
    </time>
  );
  return (
    <section aria-labelledby="webhooks-heading" className="space-y-4">
      <div>
        <h2 id="webhooks-heading" className="text-lg font-semibold">
          Webhooks ({mode})
        </h2>
        <p className="mt-1 max-w-prose text-sm text-slate-700">
          Plugipay POSTs each event to these URLs, signed with the endpoint&apos;s secret in the
          Plugipay-Signature header, and retries failures for 24 hours. See docs/webhooks.md.
        </p>
      </div>
      <SimpleTable
        caption="Webhook endpoints"
        headers={["URL", "Events", "Status", "Created"]}
        emptyMessage={endpoints.length === 0 ? `No ${mode} webhook endpoints yet.` : undefined}
      >
        {endpoints.map((endpoint) => (
          <tr key={endpoint.id} data-endpoint-id={endpoint.id}>
            <td className={`${td} font-mono break-all`}>
              {endpoint.url}
              {endpoint.description && (
                <span className="block font-sans text-slate-600">{endpoint.description}</span>
              )}
            </td>
            <td className={td}>{endpoint.events.join(", ")}</td>
            <td className={td}>{endpoint.status === "enabled" ? "Enabled" : "Disabled"}</td>
            <td className={`${td} whitespace-nowrap`}>{when(new Date(endpoint.createdAt))}</td>
          </tr>
        ))}
      </SimpleTable>
      <WebhookEndpointForm livemode={livemode} />
      <h3 className="text-base font-semibold">Recent deliveries</h3>
      <SimpleTable
        caption="Recent webhook deliveries"
        headers={["Event", "Endpoint", "Status", "Attempts", "Response", "Time", null]}
        emptyMessage={deliveries.length === 0 ? `No deliveries yet.` : undefined}
      >
        {deliveries.map((delivery) => (
          <tr key={delivery.id} data-delivery-id={delivery.id}>
            <td className={td}>
              <span className="font-medium">{delivery.eventType}</span>
              <span className="block font-mono text-xs text-slate-600">{delivery.eventId}</span>
            </td>
            <td className={`${td} max-w-xs truncate font-mono`} title={delivery.endpointUrl}>
              {delivery.endpointUrl}
            </td>
            <td className={td}>
              <span
                className={`rounded px-2 py-0.5 text-xs font-medium ${statusStyle[delivery.status] ?? ""}`}
              >
                {delivery.status}
              </span>
              {delivery.status === "pending" && delivery.nextAttemptAt && delivery.attempts > 0 && (
                <span className="block text-xs text-slate-600">next try {when(delivery.nextAttemptAt)}</span>
              )}
            </td>
            <td className={td}>{delivery.attempts}</td>
            <td className={td}>{delivery.responseStatus ?? delivery.error ?? "—"}</td>
            <td className={`${td} whitespace-nowrap`}>
              {when(delivery.lastAttemptAt ?? delivery.createdAt)}
            </td>
            <td className={`${td} text-right`}>
              <ResendDeliveryButton deliveryId={delivery.id} />
            </td>
          </tr>
        ))}
      </SimpleTable>
    </section>
  );
}
