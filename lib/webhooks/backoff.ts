// When a failed webhook delivery is tried again: exponential backoff from `baseMs`, doubling per
// attempt up to `maxMs`, with jitter that only ever adds (up to +25 %) so that deliveries that failed
// together spread out without the schedule getting shorter. A delivery is given up ("failed") once
// the un-jittered delays before its next attempt would add up to `windowMs` (24 hours by default).

export type RetrySchedule = { baseMs: number; maxMs: number; windowMs: number };

export const JITTER = 0.25;

/** The delay before attempt `attempt + 1`, after `attempt` (1, 2, …) attempts have failed. */
export function nominalDelayMs(attempt: number, schedule: RetrySchedule): number {
  const exponent = Math.min(attempt - 1, 40);
  return Math.min(schedule.maxMs, schedule.baseMs * 2 ** exponent);
}

/** How many attempts a delivery gets: the first one plus retries until the window is covered. */
export function maxAttempts(schedule: RetrySchedule): number {
  let waited = 0;
  let attempts = 1;
  while (waited < schedule.windowMs) {
    waited += nominalDelayMs(attempts, schedule);
    attempts += 1;
  }
  return attempts;
}

/**
 * After `attempt` failed attempts: the delay before the next one, or null when the delivery is
 * given up. `random` is in [0, 1).
 */
export function retryDelayMs(
  attempt: number,
  schedule: RetrySchedule,
  random: () => number = Math.random,
): number | null {
  if (attempt >= maxAttempts(schedule)) return null;
  return Math.round(nominalDelayMs(attempt, schedule) * (1 + JITTER * random()));
}
