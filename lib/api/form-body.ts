// application/x-www-form-urlencoded bodies as `curl -d` / `--data-urlencode` send them:
// `metadata[plan]=pro` nests, an empty value means null, values stay strings (the schema decides).
import { ApiError } from "@/lib/api/errors";

type FormObject = { [key: string]: FormValue };
type FormValue = string | null | FormObject;

// `items[0][metadata][plan]` (bulk create) is the deepest path the API needs.
const MAX_DEPTH = 4;
const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]+\])*)$/;

export function parseFormBody(text: string): Record<string, unknown> {
  const root: FormObject = {};
  for (const pair of text.split("&")) {
    if (pair === "") continue; // `a=1&&b=2`, as URLSearchParams does
    const eq = pair.indexOf("=");
    const key = decode(eq === -1 ? pair : pair.slice(0, eq), undefined);
    const path = parseKey(key);
    const value = decode(eq === -1 ? "" : pair.slice(eq + 1), path.join("."));
    assign(root, path, value === "" ? null : value);
  }
  return root;
}

function parseKey(key: string): string[] {
  if (key === "") throw invalid("A form field has an empty name.", undefined);
  const match = KEY_PATTERN.exec(key);
  if (!match)
    throw invalid(`Form field name ${JSON.stringify(key)} is malformed; use name or name[key].`, key);
  const path = [match[1], ...[...match[2].matchAll(/\[([^[\]]+)\]/g)].map((m) => m[1])];
  if (path.length > MAX_DEPTH) {
    throw invalid(`Form field ${JSON.stringify(key)} is nested more than ${MAX_DEPTH} levels deep.`, key);
  }
  return path;
}

function assign(root: FormObject, path: string[], value: string | null): void {
  let node = root;
  for (const [i, key] of path.entries()) {
    const param = path.slice(0, i + 1).join(".");
    const existing = Object.hasOwn(node, key) ? node[key] : undefined;
    if (i === path.length - 1) {
      if (existing !== undefined) {
        throw invalid(
          typeof existing === "object" && existing !== null
            ? `Form field ${param} is given both as a value and as a map.`
            : `Form field ${param} is given more than once.`,
          param,
        );
      }
      define(node, key, value);
    } else if (existing === undefined) {
      node = define(node, key, {});
    } else if (typeof existing === "object" && existing !== null) {
      node = existing;
    } else {
      throw invalid(`Form field ${param} is given both as a value and as a map.`, param);
    }
  }
}

// defineProperty makes `__proto__`, `constructor`… plain own data properties instead of
// setters on Object.prototype (prototype pollution).
function define<T extends FormValue>(node: FormObject, key: string, value: T): T {
  Object.defineProperty(node, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

// URLSearchParams decoding (`+` is a space, a stray `%` stays literal), except that
// percent-encoded bytes which are not UTF-8 are an error instead of U+FFFD.
function decode(raw: string, param: string | undefined): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, " ").replace(/%(?![0-9A-Fa-f]{2})/g, "%25"));
  } catch {
    throw invalid("Form body has percent-encoded bytes that are not valid UTF-8.", param);
  }
}

function invalid(message: string, param: string | undefined): ApiError {
  return new ApiError("body_invalid", message, { param });
}
