"use client";
// The customer page's panels (details, metadata) edit in place: Edit opens the form, a save that
// succeeds closes it, a refused one keeps it open with its error. Derived from the action's answers,
// so no effect has to keep an "editing" flag in sync.
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/dashboard/dashboard-action";

export function useInlineEdit<Result>(
  action: (state: ActionState<Result>, formData: FormData) => Promise<ActionState<Result>>,
) {
  const [state, dispatch, pending] = useActionState(action, { status: "idle" });
  // The answer that was current when Edit was pressed: only a newer one counts.
  const [openedAt, setOpenedAt] = useState<ActionState<Result> | null>(null);
  const editing = openedAt !== null && (state === openedAt || state.status === "error");
  const error = editing && state !== openedAt && state.status === "error" ? state : undefined;
  return {
    state,
    dispatch,
    pending,
    editing,
    error,
    open: () => setOpenedAt(state),
    close: () => setOpenedAt(null),
  };
}
