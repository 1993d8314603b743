"use client";
import { ErrorState } from "@/components/ui/error-state";

// A dashboard page that failed: the shell (sidebar, header) stays, the page offers a retry.
export default ErrorState;
