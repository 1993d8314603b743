"use client";
import { useActionState } from "react";
import { createEndpointAction, type CreateEndpointState } from "@/app/dashboard/developers/webhook-actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { primaryButton } from "@/components/ui/styles";

/** Adds an endpoint in the current mode; its signing secret is shown once, right here. */
export function WebhookEndpointForm({ livemode }: { livemode: boolean }) {
  const [state, action, pending] = useActionState<CreateEndpointState, FormData>(createEndpointAction, {
    status: "idle",
  });
  const values = state.status === "error" ? state.values : {};
  const errorFor = (field: string) =>
    state.status === "error" && state.field?.split(".")[0] === field ? state.message : undefined;
  return (
    <div className="space-y-4">
      {state.status === "success" && (
        <div className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4">
          <p className="text-sm font-medium text-emerald-950">
            Endpoint added for {state.result.url}. Copy its signing secret now: it will not be shown again.
          </p>
          <SecretReveal label="Signing secret" secret={state.result.secret} />
        </div>
      )}
      {state.status === "error" &&
        !["url", "events", "description"].includes(state.field?.split(".")[0] ?? "") && (
          <Alert tone="error">{state.message}</Alert>
        )}
      <form
        action={action}
        className="grid gap-3 sm:grid-cols-2"
        key={state.status === "success" ? state.result.id : "form"}
      >
        <Field
          label="Endpoint URL"
          name="url"
          type="url"
          required
          placeholder="https://example.com/plugipay/webhooks"
          defaultValue={values.url}
          error={errorFor("url")}
        />
        <Field
          label="Events"
          name="events"
          required
          defaultValue={values.events ?? "*"}
          hint="* for all, or a comma-separated list such as customer.created, payment.succeeded"
          error={errorFor("events")}
        />
        <Field
          label="Description (optional)"
          name="description"
          maxLength={256}
          defaultValue={values.description}
          error={errorFor("description")}
        />
        <div className="flex items-end">
          <button type="submit" className={primaryButton} disabled={pending}>
            {pending ? "Adding…" : `Add ${livemode ? "live" : "test"} endpoint`}
          </button>
        </div>
      </form>
    </div>
  );
}
