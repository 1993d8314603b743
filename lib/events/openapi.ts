// The event endpoints in the OpenAPI document (lib/openapi/document.ts).
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from "zod-openapi";
import { errorResponses, idParams, json, listEnvelope, unavailable } from "@/lib/openapi/building-blocks";
import { eventListQuerySchema, eventSchema } from "@/lib/events/schemas";

const eventListSchema = listEnvelope(eventSchema, "/api/v1/events", "EventList");
const eventIdParams = idParams("evt_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P", "EventId", "The event's id.");

const operations = {
  list: {
    operationId: "listEvents",
    tags: ["Events"],
    summary: "List events",
    description: "Newest first, keyset-paginated with opaque cursors; type narrows to one event type.",
    requestParams: { query: eventListQuerySchema },
    responses: {
      200: json(eventListSchema, "A page of events."),
      ...errorResponses(["parameter_invalid", "parameter_unknown", "cursor_invalid", ...unavailable]),
    },
  },
  retrieve: {
    operationId: "retrieveEvent",
    tags: ["Events"],
    summary: "Retrieve an event",
    requestParams: { path: eventIdParams },
    responses: {
      200: json(eventSchema, "The event."),
      ...errorResponses(["resource_missing", ...unavailable]),
    },
  },
} satisfies Record<string, ZodOpenApiOperationObject>;

export const eventPaths: ZodOpenApiPathsObject = {
  "/events": { get: operations.list },
  "/events/{id}": { get: operations.retrieve },
};
