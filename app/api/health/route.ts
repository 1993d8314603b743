// GET /api/health — liveness; touches nothing, so it is also the benchmarks' baseline route.
export function GET() {
  return Response.json({ status: "ok" });
}
