"use client";
// The merge page's last step: one button, a pending state, and the refusal in words if the merge
// cannot happen after all (someone archived or merged a customer meanwhile).
import { useActionState } from "react";
import type { MergeState } from "@/app/dashboard/customers/[id]/actions";
import { Alert } from "@/components/ui/alert";
import { primaryButton } from "@/components/ui/styles";

export function MergeConfirmForm({
  action,
  label,
}: {
  action: (state: MergeState, formData: FormData) => Promise<MergeState>;
  label: string;
}) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" });
  return (
    <form action={dispatch} className="space-y-3">
      {state.status === "error" && <Alert tone="error">{state.message}</Alert>}
      <button type="submit" className={primaryButton} disabled={pending}>
        {pending ? "Merging…" : label}
      </button>
    </form>
  );
}
