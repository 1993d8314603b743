import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { checkPathParameters, queryParameters } from "@/lib/api/request-text";

const query = (search: string) => queryParameters(new URL(`http://x/${search}`));

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected a refusal");
}

describe("queryParameters", () => {
  it("reads a query string as URLSearchParams does", () => {
    expect(query("")).toEqual({});
    expect(query("?")).toEqual({});
    for (const search of [
      "?q=alice+smith&email=a%40b.co",
      "?q=%E2%82%AC%20%F0%9F%98%80",
      "?q=100%&x=%zz&y=%4",
      "?flag&empty=&&a==b",
      "?q=Zo%C3%AB",
      "?q=caf\u00e9",
    ]) {
      expect(query(search), search).toEqual(Object.fromEntries(new URLSearchParams(search)));
    }
  });

  it("refuses a repeated parameter, bytes that are not UTF-8 and NUL, naming the parameter", () => {
    expect(refusal(() => query("?limit=1&limit=2"))).toMatchObject({
      code: "parameter_invalid",
      param: "limit",
    });
    for (const [search, param] of [
      ["?q=%FF", "q"],
      ["?email=%C3%28", "email"],
      ["?q=%ED%A0%80", "q"], // an encoded UTF-16 surrogate
      ["?q=%C0%AF", "q"], // an overlong "/"
      ["?q=a%00b", "q"],
      ["?na%00me=x", "na\u0000me"],
      ["?%FF=1", "\uFFFD"],
    ]) {
      const error = refusal(() => query(search));
      expect(error, search).toMatchObject({ code: "parameter_invalid", param });
      expect(error.status).toBe(400);
    }
  });
});

describe("checkPathParameters", () => {
  it("answers 404 for an id with a NUL, and passes any other", () => {
    expect(() => checkPathParameters({ id: "cus_01J", path: "a/b" })).not.toThrow();
    expect(refusal(() => checkPathParameters({ id: "cus_\u0000" }))).toMatchObject({
      code: "resource_missing",
      param: "id",
    });
  });
});
