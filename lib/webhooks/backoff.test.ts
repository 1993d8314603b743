import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  JITTER,
  maxAttempts,
  nominalDelayMs,
  retryDelayMs,
  type RetrySchedule,
} from "@/lib/webhooks/backoff";

const production: RetrySchedule = { baseMs: 30_000, maxMs: 2 * 3600_000, windowMs: 24 * 3600_000 };

const schedules = fc
  .record({
    baseMs: fc.integer({ min: 1, max: 600_000 }),
    maxFactor: fc.integer({ min: 1, max: 1000 }),
    windowMs: fc.integer({ min: 1, max: 7 * 24 * 3600_000 }),
  })
  .map(({ baseMs, maxFactor, windowMs }) => ({ baseMs, maxMs: baseMs * maxFactor, windowMs }))
  // At most ~500 attempts at the cap: retryDelayMs counts the attempts afresh on every call, so a
  // schedule's delays cost the square of its attempts, and 5,000 took this test past its 5 s timeout
  // on a loaded CI machine (production's has 20 attempts).
  .filter((schedule) => schedule.windowMs / schedule.maxMs < 500);

/** Every delay a delivery waits, from its first failure until it is given up. */
function delays(schedule: RetrySchedule, random: () => number): number[] {
  const all: number[] = [];
  for (let attempt = 1; ; attempt++) {
    const delay = retryDelayMs(attempt, schedule, random);
    if (delay === null) return all;
    all.push(delay);
  }
}

describe("the retry schedule", () => {
  it("by default: 30 s, doubling to 2 h, for at least 24 hours", () => {
    const nominal = delays(production, () => 0);
    expect(nominal.slice(0, 4)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...nominal)).toBe(2 * 3600_000);
    const total = nominal.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(total - nominal.at(-1)!).toBeLessThan(24 * 3600_000);
    expect(maxAttempts(production)).toBe(nominal.length + 1);
  });

  it("keeps retrying for the whole window whatever the jitter, and no longer than needed", () => {
    fc.assert(
      fc.property(
        schedules,
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (schedule, stream) => {
          const iterator = stream[Symbol.iterator]();
          const waits = delays(schedule, () => iterator.next().value as number);
          const total = waits.reduce((sum, delay) => sum + delay, 0);
          expect(total).toBeGreaterThanOrEqual(schedule.windowMs);
          const nominal = waits.map((_, index) => nominalDelayMs(index + 1, schedule));
          expect(nominal.slice(0, -1).reduce((sum, delay) => sum + delay, 0)).toBeLessThan(schedule.windowMs);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("grows exponentially, never past the cap plus jitter, and jitter only adds", () => {
    fc.assert(
      fc.property(
        schedules,
        fc.integer({ min: 1, max: 60 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (schedule, attempt, random) => {
          const delay = retryDelayMs(attempt, schedule, () => random);
          if (delay === null) return;
          const nominal = nominalDelayMs(attempt, schedule);
          expect(delay).toBeGreaterThanOrEqual(nominal);
          expect(delay).toBeLessThanOrEqual(Math.round(nominal * (1 + JITTER)));
          expect(nominal).toBeLessThanOrEqual(schedule.maxMs);
          expect(nominalDelayMs(attempt + 1, schedule)).toBe(Math.min(schedule.maxMs, nominal * 2));
        },
      ),
    );
  });
});
