import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { processCache } from "@/lib/process-cache";

let name = 0;
const fresh = <V>(ttlMs = 1000, max = 3) => processCache<V>(`test-${++name}`, { ttlMs, max });

beforeEach(() => vi.useFakeTimers({ toFake: ["performance"] }));
afterEach(() => vi.useRealTimers());

describe("processCache", () => {
  it("keeps a value for its ttl and not a moment longer", () => {
    const cache = fresh<string>();
    cache.set("a", "one");
    vi.advanceTimersByTime(999);
    expect(cache.get("a")).toBe("one");
    vi.advanceTimersByTime(1);
    expect(cache.get("a")).toBeUndefined();
  });

  it("keeps a value for a shorter max age when given one, never for a longer", () => {
    const cache = fresh<string>();
    cache.set("short", "x", 10);
    cache.set("long", "y", 60_000);
    vi.advanceTimersByTime(10);
    expect(cache.get("short")).toBeUndefined();
    expect(cache.get("long")).toBe("y");
    vi.advanceTimersByTime(990);
    expect(cache.get("long")).toBeUndefined();
    cache.set("gone", "z", -5);
    expect(cache.get("gone")).toBeUndefined();
  });

  it("empties when full, so it never holds more than max entries", () => {
    const cache = fresh<number>(1000, 2);
    cache.set("a", 1);
    cache.set("b", 2);
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([undefined, undefined, 3]);
  });

  it("deletes one key, or every entry a predicate matches", () => {
    const cache = fresh<{ owner: string }>(1000, 10);
    cache.set("k1", { owner: "x" });
    cache.set("k2", { owner: "x" });
    cache.set("k3", { owner: "y" });
    cache.delete("k3");
    expect(cache.get("k3")).toBeUndefined();
    cache.set("k3", { owner: "y" });
    cache.deleteWhere((value) => value.owner === "x");
    expect([cache.get("k1"), cache.get("k2"), cache.get("k3")]).toEqual([
      undefined,
      undefined,
      { owner: "y" },
    ]);
  });

  it("is one cache per name, whichever copy of the module asks (Next bundles a copy per route)", async () => {
    const first = processCache<string>("shared-by-name", { ttlMs: 1000, max: 10 });
    vi.resetModules();
    const copy = (await import("@/lib/process-cache")).processCache<string>("shared-by-name", {
      ttlMs: 1000,
      max: 10,
    });
    first.set("k", "v");
    expect(copy.get("k")).toBe("v");
    copy.delete("k");
    expect(first.get("k")).toBeUndefined();
    expect(fresh<string>().get("k")).toBeUndefined();
  });
});
