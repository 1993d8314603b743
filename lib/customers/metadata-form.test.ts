import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { metadataFromForm } from "@/lib/customers/metadata-form";

function form(rows: [string, string][]): FormData {
  const data = new FormData();
  for (const [key, value] of rows) {
    data.append("metadataKey", key);
    data.append("metadataValue", value);
  }
  return data;
}

function errorOf(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected an ApiError");
}

describe("metadataFromForm", () => {
  it("builds the map in row order, values exactly as typed", () => {
    expect(
      metadataFromForm(
        form([
          ["plan", " gold "],
          ["seats", "12"],
        ]),
      ),
    ).toEqual({
      metadata: { plan: " gold ", seats: "12" },
    });
  });

  it("skips blank rows; no rows at all is the empty map", () => {
    expect(
      metadataFromForm(
        form([
          ["", ""],
          ["a", "1"],
          ["", ""],
        ]),
      ),
    ).toEqual({ metadata: { a: "1" } });
    expect(metadataFromForm(new FormData())).toEqual({ metadata: {} });
  });

  it("names the duplicated key, and refuses a value without a key", () => {
    const duplicate = errorOf(() =>
      metadataFromForm(
        form([
          ["a", "1"],
          ["a", "2"],
        ]),
      ),
    );
    expect(duplicate.param).toBe("metadata.a");
    expect(duplicate.message).toContain("more than once");
    const keyless = errorOf(() => metadataFromForm(form([["", "orphan"]])));
    expect(keyless.param).toBe("metadata");
  });

  it("keeps every distinct non-empty key it is given (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(
            fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom("__proto__", "constructor")),
            fc.string(),
          ),
          { selector: ([k]) => k },
        ),
        (rows) => {
          expect(metadataFromForm(form(rows)).metadata).toEqual(Object.fromEntries(rows));
        },
      ),
    );
  });
});
