"use client";
import { ErrorState } from "@/components/ui/error-state";

// Failures outside the dashboard's own boundary: the sign-in pages, the hosted checkout, and the
// dashboard's shell itself when the database is down.
export default function AppError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto px-6 py-16">
      <ErrorState {...props} />
    </main>
  );
}
