// Text that PostgreSQL cannot store or compare must be refused as bad input at the edge, not
// reach a query and come back as a 500: a NUL character (text columns and jsonb reject U+0000).
// And a query string whose percent-escapes are not UTF-8 must not be searched for as something
// else: Next hands route handlers the query re-encoded, with such bytes already replaced by
// U+FFFD, so a U+FFFD in a parameter is taken for what it almost always is, bytes that were not UTF-8.
import { ApiError } from "@/lib/api/errors";

export const NUL_MESSAGE = "must not contain NUL (\\u0000) characters";

export function containsNul(value: string): boolean {
  return value.includes("\u0000");
}

const REPLACEMENT_CHARACTER = "\uFFFD";

/**
 * The query string as an object: a parameter given twice, one that was not UTF-8, or one with a
 * NUL in its name or value is 400 parameter_invalid naming it.
 */
export function queryParameters(url: URL): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key.includes(REPLACEMENT_CHARACTER) || value.includes(REPLACEMENT_CHARACTER)) {
      throw new ApiError("parameter_invalid", `${key}: is not valid UTF-8`, { param: key });
    }
    if (containsNul(key) || containsNul(value)) {
      throw new ApiError("parameter_invalid", `${key}: ${NUL_MESSAGE}`, { param: key });
    }
    if (Object.hasOwn(object, key)) {
      throw new ApiError("parameter_invalid", `${key}: given more than once`, { param: key });
    }
    object[key] = value;
  }
  return object;
}

/** A path parameter with a NUL cannot name anything that exists: 404, as for any unknown id. */
export function checkPathParameters(params: Record<string, string>): void {
  for (const [name, value] of Object.entries(params)) {
    if (containsNul(value)) {
      throw new ApiError("resource_missing", `No such object: the ${name} contains a NUL character.`, {
        param: name,
      });
    }
  }
}
