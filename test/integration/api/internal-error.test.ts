// A real bug reaches the client as a bare 500: the request id and nothing else — no stack,
// no SQL, no column names. The bug here is a schema the code does not expect.
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { startApiTestbed } from "@/test/support/api-testbed";

const t = startApiTestbed();

afterAll(async () => {
  await prisma
    .$executeRawUnsafe(`ALTER TABLE customers RENAME COLUMN phone_renamed TO phone`)
    .catch(() => {});
});

describe("an unexpected failure", () => {
  it("answers 500 api_error internal_error with only the request id, and the app keeps serving", async () => {
    expect((await t.api.post("/api/v1/customers", { name: "Before the bug" })).status).toBe(201);
    await prisma.$executeRawUnsafe(`ALTER TABLE customers RENAME COLUMN phone TO phone_renamed`);

    const response = await t.api.get("/api/v1/customers");
    expect(response.status).toBe(500);
    expect(Object.keys(response.body.error).sort()).toEqual(["code", "message", "requestId", "type"]);
    expect(response.body.error).toMatchObject({
      type: "api_error",
      code: "internal_error",
      requestId: response.headers.get("request-id"),
    });
    const text = JSON.stringify(response.body);
    for (const leak of ["phone", "SELECT", "column", "customers", "at ", ".ts", "prisma", "postgres"]) {
      expect(text.toLowerCase()).not.toContain(leak.toLowerCase());
    }

    await prisma.$executeRawUnsafe(`ALTER TABLE customers RENAME COLUMN phone_renamed TO phone`);
    expect((await t.api.get("/api/v1/customers")).status).toBe(200);
  });
});
