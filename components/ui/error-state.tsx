"use client";
import { useEffect } from "react";
import { primaryButton } from "@/components/ui/styles";

/** What a failed page shows (e.g. the database is down): a plain message and a retry; no stack, no SQL. */
export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    // The digest matches the server's log line for this failure.
    console.warn(`Page failed${error.digest ? ` (digest ${error.digest})` : ""}`);
  }, [error]);
  return (
    <div role="alert" className="max-w-lg space-y-3">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-slate-700">
        This page could not be loaded just now. It is usually brief: try again in a moment.
      </p>
      {error.digest && <p className="font-mono text-xs text-slate-600">Reference: {error.digest}</p>}
      <button type="button" className={primaryButton} onClick={reset}>
        Try again
      </button>
    </div>
  );
}
