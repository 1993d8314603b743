import fc from "fast-check";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isoFromTimestamptzText, isoTimestamp } from "@/lib/db/timestamps";

const nodePostgres = pg.types.getTypeParser(1184) as (text: string) => Date;

// How PostgreSQL prints a timestamptz in a UTC session: the fraction's trailing zeros dropped.
function postgresUtcText(date: Date, extraDigits = ""): string {
  const [day, time] = date.toISOString().slice(0, -1).split("T");
  const [clock, fraction] = time.split(".");
  const digits = (fraction + extraDigits).replace(/0+$/, "");
  return `${day} ${clock}${digits ? `.${digits}` : ""}+00`;
}

const dates = fc.date({
  min: new Date("1000-01-01T00:00:00Z"),
  max: new Date("9999-12-31T23:59:59.999Z"),
  noInvalidDate: true,
});

describe("isoFromTimestamptzText", () => {
  it("writes what Date#toISOString writes for every UTC text PostgreSQL can print", () => {
    fc.assert(
      fc.property(dates, (date) => {
        expect(isoFromTimestamptzText(postgresUtcText(date))).toBe(date.toISOString());
      }),
    );
  });

  it("drops microseconds as node-postgres does", () => {
    fc.assert(
      fc.property(dates, fc.stringMatching(/^\d{3}$/), (date, micros) => {
        const text = postgresUtcText(date, micros);
        expect(isoFromTimestamptzText(text)).toBe(nodePostgres(text).toISOString());
      }),
    );
  });

  it("hands any other zone or shape to node-postgres' parser", () => {
    for (const text of [
      "2026-12-07 23:38:00.5+05:30",
      "2026-12-07 23:38:00-08",
      "2026-12-08 00:38:00.123+01",
      "0044-03-15 12:00:00+00 BC",
      "12026-12-07 23:38:00+00",
    ])
      expect(isoFromTimestamptzText(text)).toBe(nodePostgres(text).toISOString());
    expect(isoFromTimestamptzText("2026-12-08 00:38:00.123+01")).toBe("2026-12-07T23:38:00.123Z");
  });
});

describe("isoTimestamp", () => {
  it("passes strings through and prints Dates", () => {
    expect(isoTimestamp("2026-12-07T23:38:00.000Z")).toBe("2026-12-07T23:38:00.000Z");
    expect(isoTimestamp(new Date(Date.UTC(2026, 11, 7, 23, 38, 0, 7)))).toBe("2026-12-07T23:38:00.007Z");
  });
});
