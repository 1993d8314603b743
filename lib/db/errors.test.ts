import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, isUniqueViolation } from "@/lib/db/errors";

// The shape Prisma 7 gives a query that PostgreSQL cut off (here by pg_terminate_backend or a
// server shutdown): a known request error whose driver error sits under meta, not under cause.
function prismaKnownError(code: string, postgresCode: string) {
  const driverAdapterError = Object.assign(new Error("terminating connection"), {
    name: "DriverAdapterError",
    cause: {
      originalCode: postgresCode,
      kind: "postgres",
      code: postgresCode,
      message: "terminating connection",
    },
  });
  return Object.assign(new Error("Database error."), { code, meta: { driverAdapterError } });
}

describe("isDatabaseUnavailable", () => {
  it("recognises a session ended by the server, as Prisma reports it", () => {
    expect(isDatabaseUnavailable(prismaKnownError("P2039", "57P01"))).toBe(true);
    expect(isDatabaseUnavailable(prismaKnownError("P2010", "57P01"))).toBe(true);
    expect(isDatabaseUnavailable(prismaKnownError("P2010", "57P03"))).toBe(true);
  });

  it("recognises a query on a connection node-postgres already knows is broken", () => {
    expect(
      isDatabaseUnavailable(new Error("Client has encountered a connection error and is not queryable")),
    ).toBe(true);
  });

  it("does not take other database errors for an outage", () => {
    expect(isDatabaseUnavailable(prismaKnownError("P2010", "42P01"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
  });

  it("still finds a unique violation under meta", () => {
    expect(isUniqueViolation(prismaKnownError("P2010", "23505"))).toBe(true);
  });
});
