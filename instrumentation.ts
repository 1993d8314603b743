// Next.js calls register() once when a server process starts. The background jobs (webhook
// deliveries, erasure, the idempotency-key sweep) run in the Node.js server, never in the Edge
// runtime and never while `next build` loads the app to prerender it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startJobsInServer } = await import("@/lib/jobs/start-jobs");
  startJobsInServer();
}
