// Which customer field each CSV column fills: guessed from the headers, changeable in the wizard.
import { METADATA_KEY_MAX } from "@/lib/customers/fields";

export const TEXT_FIELDS = ["externalId", "email", "name", "phone", "taxId"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/**
 * A column's target, as the value of its <select>: "skip", "id" (find the customer to update; ids
 * never change), a text field, "metadata" (a JSON object, as the export writes it) or
 * "metadata.KEY" (one metadata key per column).
 */
export type ColumnTarget = "skip" | "id" | TextField | "metadata" | `metadata.${string}`;

const FIELD_LABELS: Record<TextField, string> = {
  externalId: "External ID",
  email: "Email",
  name: "Name",
  phone: "Phone",
  taxId: "Tax ID",
};

// Headers compared lower-cased without spaces, dashes, dots and underscores: "External ID",
// "external_id" and "externalId" are one name. Includes Indonesian names (nama, telepon, NPWP).
const HEADER_GUESSES: Record<string, ColumnTarget> = {
  id: "id",
  externalid: "externalId",
  extid: "externalId",
  externalreference: "externalId",
  email: "email",
  emailaddress: "email",
  mail: "email",
  surel: "email",
  name: "name",
  fullname: "name",
  customername: "name",
  displayname: "name",
  nama: "name",
  namalengkap: "name",
  phone: "phone",
  phonenumber: "phone",
  mobile: "phone",
  mobilephone: "phone",
  mobilenumber: "phone",
  telephone: "phone",
  tel: "phone",
  telepon: "phone",
  handphone: "phone",
  nohp: "phone",
  taxid: "taxId",
  taxnumber: "taxId",
  npwp: "taxId",
  vat: "taxId",
  vatid: "taxId",
  vatnumber: "taxId",
  metadata: "metadata",
};

/** Columns the export writes that are not writable: shown as read-only and never imported. */
const READ_ONLY_HEADERS = new Set([
  "createdat",
  "updatedat",
  "archivedat",
  "redactedat",
  "mergedintoid",
  "livemode",
  "object",
  "defaultpaymenttokenid",
]);

const squash = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[\s_.-]+/g, "");

export function isValidMetadataKey(key: string): boolean {
  return key.length >= 1 && key.length <= METADATA_KEY_MAX && !/[[\]]/.test(key);
}

/** The metadata key a column would fill: "metadata.plan" → "plan"; any other header as written. */
export function metadataKeyOf(header: string): string | undefined {
  const trimmed = header.trim();
  const key = /^metadata\./i.test(trimmed) ? trimmed.slice("metadata.".length) : trimmed;
  return isValidMetadataKey(key) ? key : undefined;
}

export function isReadOnlyColumn(header: string): boolean {
  return READ_ONLY_HEADERS.has(squash(header));
}

export function guessTarget(header: string): ColumnTarget {
  const trimmed = header.trim();
  if (/^metadata\./i.test(trimmed)) {
    const key = metadataKeyOf(trimmed);
    return key ? `metadata.${key}` : "skip";
  }
  return HEADER_GUESSES[squash(trimmed)] ?? "skip";
}

/** One target per column; when two headers guess the same target, the first keeps it. */
export function guessMapping(header: string[]): ColumnTarget[] {
  const taken = new Set<ColumnTarget>();
  return header.map((name) => {
    const target = guessTarget(name);
    if (target === "skip" || taken.has(target)) return "skip";
    taken.add(target);
    return target;
  });
}

export function targetLabel(target: ColumnTarget): string {
  if (target === "skip") return "Don't import";
  if (target === "id") return "Customer ID (finds the customer to update)";
  if (target === "metadata") return "Metadata (a JSON object)";
  if (target.startsWith("metadata.")) return `Metadata key “${target.slice("metadata.".length)}”`;
  return FIELD_LABELS[target as TextField];
}

/** The choices of one column's <select>. */
export function targetOptions(header: string): { value: ColumnTarget; label: string }[] {
  const key = metadataKeyOf(header);
  const targets: ColumnTarget[] = [
    "skip",
    "id",
    ...TEXT_FIELDS,
    "metadata",
    ...(key ? [`metadata.${key}` as const] : []),
  ];
  return targets.map((value) => ({ value, label: targetLabel(value) }));
}

/** A line of help under a column's select, when the column needs one. */
export function columnNote(header: string, target: ColumnTarget): string | undefined {
  if (target === "skip" && isReadOnlyColumn(header))
    return "Read-only: the export writes it; import ignores it.";
  if (target === "id") return "Rows with an ID update that customer; IDs themselves never change.";
  if (target === "externalId") return "A row whose external ID already exists updates that customer.";
  if (target === "metadata") return "Replaces each customer's whole metadata map.";
  if (target.startsWith("metadata.")) return "Sets this key; an empty cell removes it.";
  return undefined;
}

/** What stops an import from starting: a target chosen twice, or nothing to import. */
export function mappingProblems(header: string[], targets: ColumnTarget[]): string[] {
  const problems: string[] = [];
  const columnsOf = new Map<ColumnTarget, string[]>();
  targets.forEach((target, index) => {
    if (target === "skip") return;
    columnsOf.set(target, [...(columnsOf.get(target) ?? []), columnName(header, index)]);
  });
  for (const [target, columns] of columnsOf) {
    if (columns.length > 1) {
      problems.push(
        `${targetLabel(target)} is chosen for ${columns.length} columns (${columns.join(", ")}). Keep one and set the others to “Don't import”.`,
      );
    }
  }
  if (columnsOf.size === 0) problems.push("Choose at least one column to import.");
  return problems;
}

/** A column's name for people: its header, or "Column 3" when the header cell is blank. */
export function columnName(header: string[], index: number): string {
  const name = header[index]?.trim();
  return name ? `“${name}”` : `Column ${index + 1}`;
}

/** A column's header text without decoration (labels, the failed-rows file). */
export function columnTitle(header: string[], index: number): string {
  return header[index]?.trim() || `Column ${index + 1}`;
}

/** Where an error's field came from, for people: "E-mail (email)"; the field alone if no column maps to it. */
export function columnForField(header: string[], targets: ColumnTarget[], field: string | undefined): string {
  if (!field) return "—";
  const exact = targets.indexOf(field as ColumnTarget);
  const index = exact >= 0 ? exact : field.startsWith("metadata.") ? targets.indexOf("metadata") : -1;
  return index >= 0 ? `${columnTitle(header, index)} (${field})` : field;
}
