"use client";
import { useActionState } from "react";
import { payWithTestCardAction, type PayState } from "@/app/checkout/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { primaryButton } from "@/components/ui/styles";

export function PayForm({
  sessionId,
  email,
  amount,
}: {
  sessionId: string;
  email: string | null;
  amount: string;
}) {
  const [state, action, pending] = useActionState<PayState, FormData>(
    payWithTestCardAction.bind(null, sessionId),
    {},
  );
  return (
    <form action={action} className="space-y-4" noValidate>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email ?? email ?? ""}
        error={state.field === "email" ? state.error : undefined}
      />
      <Field
        label="Name"
        name="name"
        autoComplete="name"
        defaultValue={state.values?.name}
        hint="Optional."
      />
      <button type="submit" className={`${primaryButton} w-full`} disabled={pending}>
        {pending ? "Paying…" : "Pay with test card"}
      </button>
      <p className="text-center text-xs text-slate-600">Test mode: no real card is charged. Pays {amount}.</p>
    </form>
  );
}
