import { newId } from "@/lib/ids";
import { openApiDocument } from "@/lib/openapi/document";

// Built once per process: the schemas it comes from cannot change at run time.
let document: ReturnType<typeof openApiDocument> | undefined;

// GET /api/v1/openapi.json — the OpenAPI 3.1 document
export function GET(): Response {
  document ??= openApiDocument();
  return Response.json(document, { headers: { "Request-Id": newId("request") } });
}
