import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerListQuerySchema, parseDateBound } from "@/lib/customers/schemas";

describe("parseDateBound", () => {
  it("reads a date as a whole UTC day", () => {
    expect(parseDateBound("2026-11-01", "start")?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(parseDateBound("2026-11-30", "end")?.toISOString()).toBe("2026-11-30T23:59:59.999Z");
  });

  it("reads timestamps with Z, an offset, or none (UTC)", () => {
    expect(parseDateBound("2026-11-24T10:00:00.123Z", "start")?.toISOString()).toBe(
      "2026-11-24T10:00:00.123Z",
    );
    expect(parseDateBound("2026-11-24T17:00:00+07:00", "end")?.toISOString()).toBe(
      "2026-11-24T10:00:00.000Z",
    );
    expect(parseDateBound("2026-11-24T10:00", "start")?.toISOString()).toBe("2026-11-24T10:00:00.000Z");
  });

  it.each([
    "2026-02-30",
    "2026-02-30T00:00:00Z",
    "2026-13-01",
    "2026-11-24T24:00:00Z",
    "yesterday",
    "2026-11-24 10:00",
    "",
  ])("refuses %s", (value) => expect(parseDateBound(value, "start")).toBeUndefined());

  it("agrees with the calendar for every day of four centuries (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2299-12-31"), noInvalidDate: true }),
        (date) => {
          const day = date.toISOString().slice(0, 10);
          expect(parseDateBound(day, "start")?.toISOString().slice(0, 10)).toBe(day);
        },
      ),
    );
  });
});

describe("customerListQuerySchema", () => {
  it("defaults and refusals", () => {
    expect(customerListQuerySchema.parse({})).toMatchObject({
      limit: 10,
      sort: "-createdAt",
      archived: "false",
    });
    expect(customerListQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
    expect(customerListQuerySchema.safeParse({ nope: "1" }).success).toBe(false);
  });
});
