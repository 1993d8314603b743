// What the browser remembers of an unfinished import, so a reload or a closed tab can resume it
// with the same import id (its finished batches then replay from the idempotency store). Only the
// file's name, size, date and hash, the column choices and counts: never the file's rows.
import { z } from "zod";

export type FileFingerprint = { name: string; size: number; lastModified: number; sha256: string };

const savedImportSchema = z.object({
  version: z.literal(1),
  importId: z.string(),
  file: z.object({ name: z.string(), size: z.number(), lastModified: z.number(), sha256: z.string() }),
  targets: z.array(z.string()),
  rowsDone: z.number(),
  rowsTotal: z.number(),
  startedAt: z.number(),
});
export type SavedImport = z.infer<typeof savedImportSchema>;

/**
 * Resume only well inside the 24 hours the server keeps a batch's answer (IDEMPOTENCY_TTL_MS in
 * lib/api/idempotency.ts; an integration test holds the two together): past it, a finished batch
 * would run again, and its rows without an id or external ID would be created twice.
 */
export const RESUME_WINDOW_MS = 23 * 60 * 60 * 1000;

type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function resumeStorageKey(workspaceId: string, livemode: boolean): string {
  return `plugipay.customer-import.${workspaceId}.${livemode ? "live" : "test"}`;
}

export function parseSavedImport(text: string | null): SavedImport | undefined {
  try {
    const parsed = savedImportSchema.safeParse(JSON.parse(text ?? "null"));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function loadSavedImport(store: KeyValueStore, key: string): SavedImport | undefined {
  try {
    return parseSavedImport(store.getItem(key));
  } catch {
    return undefined; // storage disabled
  }
}

export function saveImport(store: KeyValueStore, key: string, saved: SavedImport): void {
  try {
    store.setItem(key, JSON.stringify(saved));
  } catch {
    // Storage full or disabled (private mode): the import still runs, it just cannot resume after a reload.
  }
}

export function forgetImport(store: KeyValueStore, key: string): void {
  try {
    store.removeItem(key);
  } catch {
    // nothing to forget
  }
}

/**
 * The saved import this file can resume: same content (size and SHA-256; a renamed or re-saved copy
 * of the same bytes makes the same batches, so it resumes safely), started recently enough that
 * every finished batch still replays.
 */
export function resumableImport(
  saved: SavedImport | undefined,
  /** The file chosen; without one, any saved import still young enough. */
  file: FileFingerprint | undefined,
  now = Date.now(),
): SavedImport | undefined {
  if (!saved) return undefined;
  if (file && (saved.file.size !== file.size || saved.file.sha256 !== file.sha256)) return undefined;
  if (now - saved.startedAt > RESUME_WINDOW_MS) return undefined;
  return saved;
}

/** 32 hex characters from the browser's random source (works on plain-http origins too). */
export function newImportId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * SHA-256 of the file's bytes, hex. Web Crypto's digest runs off the main thread. It needs a secure
 * context (https or localhost), which the dashboard has anyway: its session cookie is Secure.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
