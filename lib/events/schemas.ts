// Request and response shapes of GET /events and GET /events/{id}.
import { z } from "zod";
import { cursorParam, limitParam } from "@/lib/api/list-params";

export const eventListQuerySchema = z.strictObject({
  type: z
    .string()
    .max(100, "must be at most 100 characters")
    .optional()
    .meta({ description: "Only events of this type.", example: "customer.created" }),
  limit: limitParam,
  cursor: cursorParam,
});
export type EventListQuery = z.output<typeof eventListQuerySchema>;

export const eventSchema = z
  .object({
    id: z.string().meta({ example: "evt_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    object: z.literal("event"),
    type: z.string().meta({ example: "customer.updated" }),
    livemode: z.boolean(),
    createdAt: z.iso.datetime(),
    data: z.object({
      object: z.record(z.string(), z.unknown()).meta({
        description: "The object as the API showed it right after the change (metadata unchanged).",
      }),
      previousAttributes: z
        .record(z.string(), z.unknown())
        .optional()
        .meta({ description: "On *.updated: the changed fields' values before the change." }),
    }),
  })
  .meta({ id: "Event" });
