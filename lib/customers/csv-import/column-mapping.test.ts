import { describe, expect, it } from "vitest";
import {
  columnForField,
  columnNote,
  guessMapping,
  guessTarget,
  mappingProblems,
  targetOptions,
} from "@/lib/customers/csv-import/column-mapping";
import { CUSTOMER_EXPORT_COLUMNS } from "@/lib/customers/export-columns";

describe("guessTarget", () => {
  it.each([
    ["id", "id"],
    ["externalId", "externalId"],
    ["external_id", "externalId"],
    ["External ID", "externalId"],
    ["email", "email"],
    ["E-mail", "email"],
    ["Email Address", "email"],
    ["name", "name"],
    ["Full name", "name"],
    ["Nama", "name"],
    ["phone", "phone"],
    ["Mobile", "phone"],
    ["Phone number", "phone"],
    ["taxId", "taxId"],
    ["tax_id", "taxId"],
    ["NPWP", "taxId"],
    ["VAT", "taxId"],
    ["metadata", "metadata"],
    ["metadata.plan", "metadata.plan"],
    ["Metadata.Plan Tier", "metadata.Plan Tier"],
    ["createdAt", "skip"],
    ["archivedAt", "skip"],
    ["Notes", "skip"],
    ["first name", "skip"],
    ["metadata.", "skip"],
    [`metadata.${"k".repeat(41)}`, "skip"],
    ["metadata.a[b]", "skip"],
  ])("%s → %s", (header, target) => {
    expect(guessTarget(header)).toBe(target);
  });
});

describe("guessMapping", () => {
  it("maps the export's header, leaving its read-only columns out", () => {
    const header = [...CUSTOMER_EXPORT_COLUMNS];
    expect(guessMapping(header)).toEqual([
      "id",
      "externalId",
      "email",
      "name",
      "phone",
      "taxId",
      "skip",
      "skip",
      "metadata",
    ]);
    expect(columnNote("createdAt", "skip")).toMatch(/Read-only/);
    expect(columnNote("archivedAt", "skip")).toMatch(/Read-only/);
    expect(columnNote("Notes", "skip")).toBeUndefined();
  });

  it("gives a target to the first of two columns that guess it", () => {
    expect(guessMapping(["email", "E-mail", "Notes"])).toEqual(["email", "skip", "skip"]);
  });
});

describe("targetOptions", () => {
  it("offers every field, and the column as a metadata key when its header can be one", () => {
    expect(targetOptions("Plan").map((option) => option.value)).toEqual([
      "skip",
      "id",
      "externalId",
      "email",
      "name",
      "phone",
      "taxId",
      "metadata",
      "metadata.Plan",
    ]);
    expect(targetOptions("metadata.plan").at(-1)).toEqual({
      value: "metadata.plan",
      label: "Metadata key “plan”",
    });
    expect(targetOptions("a[0]").map((option) => option.value)).not.toContain("metadata.a[0]");
    expect(targetOptions("")[0]).toEqual({ value: "skip", label: "Don't import" });
  });
});

describe("mappingProblems", () => {
  it("refuses a target chosen twice and a mapping that imports nothing", () => {
    expect(mappingProblems(["a", "b", "c"], ["email", "email", "skip"])).toEqual([
      "Email is chosen for 2 columns (“a”, “b”). Keep one and set the others to “Don't import”.",
    ]);
    expect(mappingProblems(["a", ""], ["skip", "skip"])).toEqual(["Choose at least one column to import."]);
    expect(mappingProblems(["a", ""], ["email", "name"])).toEqual([]);
  });
});

describe("columnForField", () => {
  it("names the column an error's field came from", () => {
    const header = ["E-mail", "meta", "metadata.plan"];
    const targets = ["email", "metadata", "metadata.plan"] as const;
    expect(columnForField(header, [...targets], "email")).toBe("E-mail (email)");
    expect(columnForField(header, [...targets], "metadata.plan")).toBe("metadata.plan (metadata.plan)");
    expect(columnForField(header, [...targets], "metadata.other")).toBe("meta (metadata.other)");
    expect(columnForField(header, [...targets], "name")).toBe("name");
    expect(columnForField(header, [...targets], undefined)).toBe("—");
  });
});
