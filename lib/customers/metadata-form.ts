// The dashboard's metadata editor posts its rows as repeated `metadataKey` / `metadataValue`
// inputs; this turns them into the map PATCH /customers/{id} takes. The API's own rules (count,
// key length, brackets, value length) are checked afterwards by the same zod field.
import { ApiError } from "@/lib/api/errors";

export function metadataFromForm(formData: FormData): { metadata: Record<string, string> } {
  const keys = formData.getAll("metadataKey").map(String);
  const values = formData.getAll("metadataValue").map(String);
  if (keys.length !== values.length) {
    throw new ApiError("parameter_invalid", "metadata: every key needs a value input", { param: "metadata" });
  }
  // A Map, so a key such as "__proto__" is an entry like any other.
  const metadata = new Map<string, string>();
  keys.forEach((key, index) => {
    const value = values[index];
    if (key === "" && value === "") return; // a row added and left blank
    if (key === "") {
      throw new ApiError("parameter_invalid", `metadata: the value '${value.slice(0, 40)}' needs a key`, {
        param: "metadata",
      });
    }
    if (metadata.has(key)) {
      throw new ApiError("parameter_invalid", `metadata.${key}: this key appears more than once`, {
        param: `metadata.${key}`,
      });
    }
    metadata.set(key, value);
  });
  return { metadata: Object.fromEntries(metadata) };
}
