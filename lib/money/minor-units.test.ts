import { describe, expect, it } from "vitest";
import { toJsonInteger } from "@/lib/money/minor-units";

describe("toJsonInteger", () => {
  it("passes safe integers and refuses what a JSON number cannot hold exactly", () => {
    expect(toJsonInteger(BigInt(1_250_000))).toBe(1_250_000);
    expect(toJsonInteger(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toJsonInteger(BigInt(Number.MAX_SAFE_INTEGER) + BigInt(1))).toThrow(RangeError);
  });
});
