import { checkReadiness } from "@/lib/health/check-readiness";

export const dynamic = "force-dynamic";

// GET /api/ready — 200 when the database answers and every migration is applied, else 503.
export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, {
    status: readiness.status === "ready" ? 200 : 503,
    headers: readiness.status === "ready" ? {} : { "Retry-After": "5" },
  });
}
