"use client";
// Erasure is irreversible, so the button stays disabled until the customer's ID is typed exactly
// (the server checks it again).
import { useActionState, useState } from "react";
import type { EraseState } from "@/app/dashboard/customers/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { dangerButton } from "@/components/ui/styles";

export function EraseConfirmForm({
  customerId,
  action,
}: {
  customerId: string;
  action: (state: EraseState, formData: FormData) => Promise<EraseState>;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" });
  const [typed, setTyped] = useState("");
  const error = state.status === "error" ? state : undefined;
  return (
    <form action={dispatch} className="max-w-md space-y-3" noValidate>
      {error && error.field !== "confirm" && <Alert tone="error">{error.message}</Alert>}
      <Field
        label={`Type ${customerId} to confirm`}
        name="confirm"
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        error={error?.field === "confirm" ? error.message : undefined}
      />
      <button type="submit" className={dangerButton} disabled={pending || typed.trim() !== customerId}>
        {pending ? "Erasing…" : "Erase personal data"}
      </button>
    </form>
  );
}
