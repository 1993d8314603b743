"use client";
import { useActionState } from "react";
import { resendDeliveryAction, type ResendDeliveryState } from "@/app/dashboard/developers/webhook-actions";
import { secondaryButton } from "@/components/ui/styles";

/** Queues the delivery again, due now (a fresh retry schedule). */
export function ResendDeliveryButton({ deliveryId }: { deliveryId: string }) {
  const [state, action, pending] = useActionState<ResendDeliveryState, FormData>(resendDeliveryAction, {
    status: "idle",
  });
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <button type="submit" className={secondaryButton} disabled={pending}>
        {pending ? "Resending…" : "Resend"}
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
