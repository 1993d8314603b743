// Amounts are BIGINT minor units in the database and JSON integers on the wire. JSON numbers are
// doubles, so an amount beyond 2^53 - 1 would silently lose precision in every client: refuse it.

export function toJsonInteger(amount: bigint): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`amount ${amount} does not fit a JSON integer`);
  }
  return Number(amount);
}
