"use client";
import { useEffect } from "react";
import { primaryButton } from "@/components/ui/styles";

// A page that failed (e.g. the database is down): say so and offer a retry; no stack, no SQL.
export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  useEffect(() => {
    // The digest matches the server's log line for this failure.
    console.warn(`Dashboard page failed${error.digest ? ` (digest ${error.digest})` : ""}`);
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
