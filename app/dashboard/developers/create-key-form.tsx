"use client";
import { useActionState } from "react";
import { createKeyAction, type CreateKeyState } from "@/app/dashboard/developers/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SecretReveal } from "@/components/ui/secret-reveal";
import { primaryButton } from "@/components/ui/styles";

export function CreateKeyForm({ livemode }: { livemode: boolean }) {
  const [state, action, pending] = useActionState<CreateKeyState, FormData>(createKeyAction, {
    status: "idle",
  });
  const mode = livemode ? "live" : "test";
  return (
    <div className="space-y-4">
      {state.status === "success" && (
        <div className="space-y-3 rounded-lg border border-emerald-300 bg-emerald-50 p-4">
          <p className="text-sm font-medium text-emerald-950">
            Your new key. Copy it now: it will not be shown again.
          </p>
          <SecretReveal label="New secret key" secret={state.result.secretKey} />
        </div>
      )}
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <form action={action} className="flex flex-wrap items-end gap-3">
        <Field
          label="Key name (optional)"
          name="name"
          maxLength={100}
          placeholder="e.g. Billing server"
          className="min-w-0 flex-1 sm:max-w-xs"
        />
        <button type="submit" className={primaryButton} disabled={pending}>
          {pending ? "Creating…" : `Create ${mode} key`}
        </button>
      </form>
    </div>
  );
}
