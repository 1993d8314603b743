import type { Event as EventRow } from "@/lib/generated/prisma/client";
import type { EventData } from "@/lib/events/record-event";

/** The public event: what GET /events/{id} shows and what a webhook delivery's body carries. */
export type PublicEvent = {
  id: string;
  object: "event";
  type: string;
  livemode: boolean;
  createdAt: string;
  data: EventData;
};

export function serializeEvent(
  row: Pick<EventRow, "id" | "type" | "livemode" | "createdAt" | "data">,
): PublicEvent {
  const data = row.data as EventData;
  return {
    id: row.id,
    object: "event",
    type: row.type,
    livemode: row.livemode,
    createdAt: row.createdAt.toISOString(),
    data: {
      object: data.object,
      ...(data.previousAttributes === undefined ? {} : { previousAttributes: data.previousAttributes }),
    },
  };
}
