import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney, minorUnitDigits } from "@/lib/money/format-money";

// Intl separates the symbol from the number with a no-break space, so the two never wrap apart.
const nbsp = (text: string) => text.replace(/ /g, "\u00a0");

describe("formatMoney", () => {
  it("shows rupiah in Indonesian style with no decimals, dollars with cents", () => {
    expect(formatMoney(1_250_000, "IDR")).toBe(nbsp("Rp 1.250.000"));
    expect(formatMoney(BigInt(99_000), "IDR")).toBe(nbsp("Rp 99.000"));
    expect(formatMoney(1250, "USD")).toBe("$12.50");
    expect(formatMoney(5, "USD")).toBe("$0.05");
    expect(formatMoney(0, "USD")).toBe("$0.00");
    expect(formatMoney(-1250, "USD")).toBe("-$12.50");
    expect(formatMoney(1250, "usd")).toBe("$12.50");
  });

  it("names other currencies unambiguously, with their own minor units", () => {
    expect(formatMoney(1250, "SGD")).toBe(nbsp("SGD 12.50"));
    expect(formatMoney(1250, "JPY")).toBe("¥1,250");
    expect(formatMoney(1250, "KWD")).toBe(nbsp("KWD 1.250"));
  });

  it("takes minor units from Intl: a change in the platform's currency data shows up here", () => {
    expect(minorUnitDigits("IDR")).toBe(0);
    expect(minorUnitDigits("USD")).toBe(2);
    expect(minorUnitDigits("JPY")).toBe(0);
    expect(minorUnitDigits("KWD")).toBe(3);
    expect(minorUnitDigits("not a currency")).toBeUndefined();
  });

  it("is exact beyond 2^53 and never throws on a malformed currency", () => {
    expect(formatMoney(BigInt("123456789012345678901"), "USD")).toBe("$1,234,567,890,123,456,789.01");
    expect(formatMoney(100, "US")).toBe("100 US");
  });

  it("keeps every digit of the amount, and its sign, for any amount and currency", () => {
    const currency = fc.constantFrom("IDR", "USD", "SGD", "EUR", "JPY", "KWD", "GBP");
    fc.assert(
      fc.property(
        fc.bigInt({ min: BigInt(-1) * BigInt(10) ** BigInt(20), max: BigInt(10) ** BigInt(20) }),
        currency,
        (amount, code) => {
          const text = formatMoney(amount, code);
          const digits = text.replace(/\D/g, "");
          expect(BigInt(digits || "0")).toBe(amount < 0 ? -amount : amount);
          expect(text.startsWith("-")).toBe(amount < 0);
          // Exactly the currency's minor digits after the decimal separator.
          const places = minorUnitDigits(code)!;
          if (places > 0) expect(text).toMatch(new RegExp(`[.,]\\d{${places}}$`));
          else expect(text).not.toMatch(/[.,]\d{1,2}$/);
        },
      ),
    );
  });
});
