import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiClient } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";

let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server?.stop());

describe("GET /api/v1/openapi.json", () => {
  it("answers the OpenAPI 3.1 document without a key", async () => {
    const response = await apiClient(server.url).get("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(response.body.openapi).toMatch(/^3\.1\.\d+$/);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(["/customers", "/customers/{id}", "/customers/bulk", "/customers/export"]),
    );
    expect(response.body.components.schemas.Customer.required).toContain("metadata");
  });

  it("answers at the /v1 alias too, the same document", async () => {
    const client = apiClient(server.url);
    const [canonical, alias] = await Promise.all([
      client.get("/api/v1/openapi.json"),
      client.get("/v1/openapi.json"),
    ]);
    expect(alias.status).toBe(200);
    expect(alias.body).toEqual(canonical.body);
  });
});
