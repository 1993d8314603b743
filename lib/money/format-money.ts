// Amounts for people: minor units (what the API and database hold) shown in the currency's own
// way. How many minor units a major one has comes from Intl (ISO 4217 as ICU knows it: 0 for
// IDR and JPY, 2 for USD, 3 for KWD), and so does every symbol and separator.

// Currencies shown in their home locale (Rp 1.250.000); the rest in en-US, which names them
// unambiguously ($12.50, SGD 12.50, €12.50).
const HOME_LOCALES: Record<string, string> = { IDR: "id-ID", USD: "en-US" };

const formats = new Map<string, Intl.NumberFormat | null>();

function formatFor(currency: string): Intl.NumberFormat | null {
  let format = formats.get(currency);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(HOME_LOCALES[currency] ?? "en-US", { style: "currency", currency });
    } catch {
      format = null; // not a well-formed currency code
    }
    formats.set(currency, format);
  }
  return format;
}

/** Minor units per major unit's exponent: 2 for USD (cents), 0 for IDR; undefined if unknown. */
export function minorUnitDigits(currency: string): number | undefined {
  return formatFor(currency.toUpperCase())?.resolvedOptions().maximumFractionDigits;
}

/** `formatMoney(1250000, "IDR")` → `Rp 1.250.000`; `formatMoney(1250, "USD")` → `$12.50`. Exact for any size. */
export function formatMoney(minor: number | bigint, currency: string): string {
  const code = currency.toUpperCase();
  const amount = BigInt(minor);
  const format = formatFor(code);
  if (!format) return `${amount} ${currency}`;
  const digits = format.resolvedOptions().maximumFractionDigits ?? 0;
  const negative = amount < BigInt(0);
  const magnitude = (negative ? -amount : amount).toString().padStart(digits + 1, "0");
  const whole = magnitude.slice(0, magnitude.length - digits);
  const fraction = magnitude.slice(magnitude.length - digits);
  // A decimal string is formatted exactly (no detour through a double).
  const decimal = `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
  return format.format(decimal as unknown as number);
}
