// How a customer looks in the dashboard (spec/dashboard.md, "Customers list"). Pure, so both server
// and client components use it and render the same thing on both sides.

type HexColor = `#${string}`;

export function displayName(customer: { id: string; name: string | null }): string {
  return customer.name?.trim() || customer.id;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// A grapheme that can stand for a word starts with a letter, a digit or an emoji. Punctuation, symbols,
// lone surrogates and clusters led by a stray mark or joiner never do, so "<b>Not bold</b> & Co." → "BC".
const wordCharacter = /^[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

/**
 * First grapheme of the first word plus first grapheme of the last word, uppercased. Words are split on
 * whole graphemes (a separator grapheme swallows any combining mark after it, so no mark dangles) and
 * each word's initial is its first grapheme that can stand for a word; words with none are skipped.
 */
function initialsOf(text: string, isSeparator: (grapheme: string) => boolean): string | null {
  const initials: string[] = [];
  let inWord = false;
  for (const segment of graphemesOf(text)) {
    if (isSeparator(segment)) inWord = false;
    else if (!inWord && wordCharacter.test(segment)) {
      initials.push(segment);
      inWord = true;
    }
  }
  if (initials.length === 0) return null;
  const first = upperCaseGrapheme(initials[0]);
  if (initials.length === 1) return first;
  const both = first + upperCaseGrapheme(initials[initials.length - 1]);
  // Side by side, two initials can regroup: fuse into one grapheme (lone regional indicators into a
  // flag, Hangul jamo into a syllable) or split elsewhere (a lone regional indicator before a flag
  // pairs with the flag's first half). Then the first alone is the honest answer.
  return [...graphemesOf(both)][0] === first && graphemeCount(both) === 2 ? both : first;
}

// Printable ASCII (space to tilde, no control characters) is one grapheme per character: segmenting
// it gives the same answer as splitting it, at a fraction of the cost (most names and emails are
// ASCII, and the customers list shows 50 a page).
const printableAscii = /^[\x20-\x7e]*$/;

function graphemesOf(text: string): Iterable<string> {
  if (printableAscii.test(text)) return text;
  return Array.from(graphemes.segment(text), ({ segment }) => segment);
}

const graphemeCount = (text: string) =>
  printableAscii.test(text) ? text.length : [...graphemes.segment(text)].length;

// Locale-independent toUpperCase rather than toLocaleUpperCase(): the server and the browser may have
// different default locales (Turkish "i" → "İ"), and the avatar must hydrate identically. An uppercase
// that is no longer one grapheme (ß → SS, ŉ → ʼN, ﬁ → FI) keeps the original, so an avatar always
// shows one or two graphemes.
function upperCaseGrapheme(grapheme: string): string {
  const upper = grapheme.toUpperCase();
  return graphemeCount(upper) === 1 ? upper : grapheme;
}

const startsWithSpace = (grapheme: string) => /^\s/u.test(grapheme);
const startsWithEmailSeparator = (grapheme: string) => /^[\s._+-]/u.test(grapheme);

/** Avatar initials from the name, else the email's local part; null means show a neutral glyph. */
export function avatarInitials(customer: { name: string | null; email: string | null }): string | null {
  const fromName = customer.name ? initialsOf(customer.name, startsWithSpace) : null;
  if (fromName) return fromName;
  const localPart = customer.email?.split("@")[0];
  return localPart ? initialsOf(localPart, startsWithEmailSeparator) : null;
}

// Tailwind 700-ish shades; each clears WCAG AA (4.5:1) against its foreground, as the tests check.
export const avatarPalette: readonly { background: HexColor; foreground: HexColor }[] = [
  { background: "#b91c1c", foreground: "#ffffff" },
  { background: "#c2410c", foreground: "#ffffff" },
  { background: "#fcd34d", foreground: "#1c1917" },
  { background: "#15803d", foreground: "#ffffff" },
  { background: "#0f766e", foreground: "#ffffff" },
  { background: "#0369a1", foreground: "#ffffff" },
  { background: "#4338ca", foreground: "#ffffff" },
  { background: "#7e22ce", foreground: "#ffffff" },
  { background: "#be185d", foreground: "#ffffff" },
  { background: "#475569", foreground: "#ffffff" },
];

/** A stable avatar color for a seed (the customer id): FNV-1a over its UTF-16 code units. */
export function avatarColor(seed: string): { background: string; foreground: string } {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  return { ...avatarPalette[(hash >>> 0) % avatarPalette.length] };
}

const shortDateFormats = new Map<string, Intl.DateTimeFormat>();

/** `Nov 24, 2026` in the workspace time zone. Throws a RangeError on an invalid date. */
export function formatShortDate(iso: string | Date, timeZone = "UTC"): string {
  let format = shortDateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone });
    shortDateFormats.set(timeZone, format);
  }
  return format.format(typeof iso === "string" ? new Date(iso) : iso);
}
