"use client";
import { useActionState, useState } from "react";
import { revokeKeyAction, type RevokeKeyState } from "@/app/dashboard/developers/actions";
import { dangerButton, secondaryButton } from "@/components/ui/styles";

/** Revoke, after a second, explicit confirmation: requests using the key fail from then on. */
export function RevokeKeyButton({ keyId, label }: { keyId: string; label: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<RevokeKeyState, FormData>(revokeKeyAction, {
    status: "idle",
  });
  if (!confirming) {
    return (
      <button type="button" className={dangerButton} onClick={() => setConfirming(true)}>
        Revoke
      </button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="keyId" value={keyId} />
      <span className="text-sm text-slate-800">Requests using {label} will fail.</span>
      <button type="submit" className={dangerButton} disabled={pending}>
        Revoke key
      </button>
      <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>
        Cancel
      </button>
      {state.status === "error" && (
        <span role="alert" className="text-sm text-red-700">
          {state.message}
        </span>
      )}
    </form>
  );
}
