"use client";
import { primaryButton } from "@/components/ui/styles";

// Failures outside the dashboard's own boundary (sign-in pages, the dashboard's shell itself when the
// database is down): a plain message and a retry; never a stack or SQL.
export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main role="alert" className="mx-auto max-w-lg space-y-3 px-6 py-16">
      <h1 className="text-xl font-semibold">Something went wrong</h1>
      <p className="text-sm text-slate-700">
        This page could not be loaded just now. It is usually brief: try again in a moment.
      </p>
      {error.digest && <p className="font-mono text-xs text-slate-600">Reference: {error.digest}</p>}
      <button type="button" className={primaryButton} onClick={reset}>
        Try again
      </button>
    </main>
  );
}
