// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the routes validate with,
// so it cannot say something the API does not do. Each domain describes its own paths
// (lib/<domain>/openapi.ts) from the shared building blocks. Human reference: docs/api.md.
import { createDocument } from "zod-openapi";
import { checkoutPaths } from "@/lib/checkout/openapi";
import { customerPaths } from "@/lib/customers/openapi";
import { eventPaths } from "@/lib/events/openapi";
import { invoicePaths } from "@/lib/invoices/openapi";
import { paymentPaths } from "@/lib/payments/openapi";
import { subscriptionPaths } from "@/lib/subscriptions/openapi";
import { webhookPaths } from "@/lib/webhooks/openapi";

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Plugipay Customers API",
      version: "1",
      description:
        "The customers of a Plugipay workspace. Reference with examples: docs/api.md. The same routes answer at /api/v1 (canonical) and /v1 (an alias).",
    },
    servers: [{ url: "/api/v1", description: "Canonical base path; /v1 is an alias for it." }],
    security: [{ basicAuth: [] }, { bearerAuth: [] }],
    tags: [
      { name: "Customers" },
      { name: "Payments" },
      { name: "Subscriptions" },
      { name: "Invoices" },
      { name: "Checkout" },
      { name: "Webhooks" },
    ],
    paths: {
      ...customerPaths,
      ...paymentPaths,
      ...subscriptionPaths,
      ...invoicePaths,
      ...checkoutPaths,
      ...eventPaths,
      ...webhookPaths,
    },
    components: {
      securitySchemes: {
        basicAuth: {
          type: "http",
          scheme: "basic",
          description:
            "The secret key (sk_live_… or sk_test_…) as the username, an empty password: curl -u sk_test_…:",
        },
        bearerAuth: { type: "http", scheme: "bearer", description: "Authorization: Bearer sk_test_…" },
      },
    },
  });
}
