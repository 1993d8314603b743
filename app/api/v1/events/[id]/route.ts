import { methodNotAllowed, withApi } from "@/lib/api/with-api";
import { retrieveEvent } from "@/lib/events/retrieve-event";

// GET /api/v1/events/{id} — retrieve an event
export const GET = withApi({
  handler: async ({ auth, params, db }) => ({ status: 200, body: await retrieveEvent(auth, params.id, db) }),
});

export const POST = methodNotAllowed(["GET"]);
export const PUT = methodNotAllowed(["GET"]);
export const PATCH = methodNotAllowed(["GET"]);
export const DELETE = methodNotAllowed(["GET"]);
