import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { listEvents } from "@/lib/events/list-events";
import { eventListQuerySchema } from "@/lib/events/schemas";

// GET /api/v1/events — list the workspace's events in this mode, newest first
export const GET = withApi({
  query: eventListQuerySchema,
  handler: async ({ auth, query, db }) => ({
    status: 200,
    body: { object: "list", url: "/api/v1/events", ...(await listEvents(auth, query, db)) },
  }),
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);
