import { describe, expect, it } from "vitest";
import {
  forgetImport,
  loadSavedImport,
  newImportId,
  RESUME_WINDOW_MS,
  resumableImport,
  resumeStorageKey,
  saveImport,
  sha256Hex,
  type SavedImport,
} from "@/lib/customers/csv-import/resume-store";
import { memoryStorage } from "@/test/support/memory-storage";

const file = { name: "customers.csv", size: 120, lastModified: 1_700_000_000_000, sha256: "ab".repeat(32) };
const saved: SavedImport = {
  version: 1,
  importId: "f".repeat(32),
  file,
  targets: ["name", "email"],
  rowsDone: 1000,
  rowsTotal: 2500,
  startedAt: 1_800_000_000_000,
};

describe("the resume store", () => {
  it("saves, loads and forgets one import per workspace and mode", () => {
    const store = memoryStorage();
    const key = resumeStorageKey("ws_1", false);
    expect(key).not.toBe(resumeStorageKey("ws_1", true));
    saveImport(store, key, saved);
    expect(loadSavedImport(store, key)).toEqual(saved);
    forgetImport(store, key);
    expect(loadSavedImport(store, key)).toBeUndefined();
  });

  it("ignores what it cannot read", () => {
    const store = memoryStorage();
    store.setItem("k", "{not json");
    expect(loadSavedImport(store, "k")).toBeUndefined();
    store.setItem("k", JSON.stringify({ ...saved, version: 2 }));
    expect(loadSavedImport(store, "k")).toBeUndefined();
  });

  it("survives a store that refuses to write", () => {
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => saveImport(full, "k", saved)).not.toThrow();
  });

  it("resumes the same content (renamed or re-saved too) within the window, and nothing else", () => {
    const now = saved.startedAt + 60_000;
    expect(resumableImport(saved, file, now)).toBe(saved);
    expect(resumableImport(saved, { ...file, name: "copy.csv", lastModified: 1 }, now)).toBe(saved);
    expect(resumableImport(saved, { ...file, sha256: "cd".repeat(32) }, now)).toBeUndefined();
    expect(resumableImport(saved, { ...file, size: 121 }, now)).toBeUndefined();
    expect(resumableImport(saved, file, saved.startedAt + RESUME_WINDOW_MS + 1)).toBeUndefined();
    expect(resumableImport(undefined, file, now)).toBeUndefined();
    expect(resumableImport(saved, undefined, now)).toBe(saved);
    expect(resumableImport(saved, undefined, saved.startedAt + RESUME_WINDOW_MS + 1)).toBeUndefined();
  });

  it("makes random 32-hex import ids and hashes bytes with SHA-256", async () => {
    const ids = new Set(Array.from({ length: 100 }, newImportId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(await sha256Hex(new TextEncoder().encode("abc"))).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});
