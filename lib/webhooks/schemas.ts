// Request and response shapes of the webhook endpoint API: validation, types and the OpenAPI document.
import { z } from "zod";
import { containsNul, NUL_MESSAGE } from "@/lib/api/request-text";
import { EVENT_TYPES } from "@/lib/webhooks/event-types";
import { privateUrlsAllowed, refusedHost } from "@/lib/webhooks/public-address";

export const MAX_ENDPOINTS_PER_MODE = 100;

const urlField = z
  .string({ error: "must be a string" })
  .trim()
  .max(2048, "must be at most 2048 characters")
  .refine((value) => !containsNul(value), NUL_MESSAGE)
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
      } catch {
        return false;
      }
    },
    { message: "must be an http:// or https:// URL without credentials" },
  )
  .superRefine((value, context) => {
    if (privateUrlsAllowed() || !URL.canParse(value)) return;
    const refused = refusedHost(new URL(value));
    if (refused) context.addIssue({ code: "custom", message: `must be a public address: ${refused}` });
  })
  .meta({
    description: "Where deliveries are POSTed: an http(s) URL, at most 2048 characters.",
    example: "https://example.com/plugipay/webhooks",
  });

const eventsField = z
  .preprocess(
    // Form bodies carry events[0]=…&events[1]=…: an object keyed 0, 1, 2…
    (value) => (value && typeof value === "object" && !Array.isArray(value) ? Object.values(value) : value),
    z
      .array(z.enum(["*", ...EVENT_TYPES], { error: `must be one of: *, ${EVENT_TYPES.join(", ")}` }), {
        error: "must be an array of event types",
      })
      .min(1, "must name at least one event type, or *")
      .max(EVENT_TYPES.length + 1, "lists too many event types"),
  )
  .transform((events) => [...new Set(events)])
  .meta({
    description: `Event types to receive, or ["*"] for all: ${EVENT_TYPES.join(", ")}.`,
    example: ["customer.created", "customer.updated"],
    override: { type: "array", minItems: 1, items: { type: "string", enum: ["*", ...EVENT_TYPES] } },
  });

const descriptionField = z
  .union([z.string(), z.null()], { error: "must be a string or null" })
  .transform((value) => (value === null ? null : value.trim() || null))
  .pipe(
    z
      .string()
      .max(256, "must be at most 256 characters")
      .refine((value) => !containsNul(value), NUL_MESSAGE)
      .nullable(),
  )
  .meta({ description: "A note for yourself, at most 256 characters.", override: { maxLength: 256 } });

export const webhookEndpointCreateSchema = z
  .strictObject({ url: urlField, events: eventsField, description: descriptionField.optional() })
  .meta({ id: "WebhookEndpointCreate", override: { required: ["url", "events"] } });
export type WebhookEndpointCreateInput = z.output<typeof webhookEndpointCreateSchema>;

export const webhookEndpointUpdateSchema = z
  .strictObject({
    url: urlField.optional(),
    events: eventsField.optional(),
    description: descriptionField.optional(),
    disabled: z.boolean({ error: "must be true or false" }).optional().meta({
      description: "true stops deliveries to this endpoint (pending ones wait); false resumes them.",
    }),
  })
  .meta({ id: "WebhookEndpointUpdate" });
export type WebhookEndpointUpdateInput = z.output<typeof webhookEndpointUpdateSchema>;

export const webhookEndpointSchema = z
  .object({
    id: z.string().meta({ example: "we_01JDQ4W3Y2ZJ8M9V0T3B5K7N2P" }),
    object: z.literal("webhook_endpoint"),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    status: z.enum(["enabled", "disabled"]),
    secret: z.string().optional().meta({
      description: "The signing secret (whsec_…): only in the response that created the endpoint.",
      example: "whsec_3q2-7wEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    }),
    livemode: z.boolean(),
    createdAt: z.string().meta({ example: "2026-11-24T10:00:00.000Z" }),
    updatedAt: z.string().meta({ example: "2026-11-24T10:00:00.000Z" }),
  })
  .meta({ id: "WebhookEndpoint" });
export type WebhookEndpoint = z.output<typeof webhookEndpointSchema>;
