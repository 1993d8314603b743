// Short-lived, per-process memory of what the database said a moment ago: valid secret keys
// (decision 51) and dashboard sessions (decision 62). Only for answers whose staleness is bounded
// and accepted: an entry lives at most `ttlMs`, and the cache empties when it holds `max` entries.
// Each cache lives on globalThis under its name: Next bundles every route with its own copy of a
// module, and an eviction (a revoked key, a sign-out) must reach every copy's cache.

export type ProcessCache<V> = {
  get(key: string): V | undefined;
  /** Keeps `value` for the cache's ttl, or for `maxAgeMs` if that is shorter. */
  set(key: string, value: V, maxAgeMs?: number): void;
  delete(key: string): void;
  /** Deletes every entry whose value `matches`. */
  deleteWhere(matches: (value: V) => boolean): void;
};

type Entry = { value: unknown; until: number };

const globalForCaches = globalThis as unknown as { plugipayProcessCaches?: Map<string, Map<string, Entry>> };
const caches = (globalForCaches.plugipayProcessCaches ??= new Map());

export function processCache<V>(
  name: string,
  { ttlMs, max }: { ttlMs: number; max: number },
): ProcessCache<V> {
  let entries = caches.get(name);
  if (!entries) caches.set(name, (entries = new Map<string, Entry>()));
  const store = entries;
  // The monotonic clock: a wall-clock step back must not stretch an entry's life.
  const now = () => performance.now();
  return {
    get(key) {
      const entry = store.get(key);
      if (!entry) return undefined;
      if (entry.until > now()) return entry.value as V;
      store.delete(key);
      return undefined;
    },
    set(key, value, maxAgeMs = ttlMs) {
      if (store.size >= max) store.clear();
      store.set(key, { value, until: now() + Math.min(ttlMs, maxAgeMs) });
    },
    delete(key) {
      store.delete(key);
    },
    deleteWhere(matches) {
      for (const [key, entry] of store) if (matches(entry.value as V)) store.delete(key);
    },
  };
}
