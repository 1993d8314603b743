import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { readBody } from "@/lib/api/read-body";

const MiB = 1_048_576;

function post(body: BodyInit | null, headers: Record<string, string> = {}): Request {
  return new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

// A stream that would produce `chunks` chunks of `size` bytes, counting how many were pulled.
function lazyStream(chunks: number, size: number) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled === chunks) return controller.close();
      state.pulled++;
      controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
  return { stream, state };
}

const json = { "content-type": "application/json" };
const form = { "content-type": "application/x-www-form-urlencoded" };

describe("readBody", () => {
  it("parses JSON objects, whatever the case and parameters of the media type", async () => {
    expect(await readBody(post('{"email":"a@b.co"}', json))).toEqual({ email: "a@b.co" });
    const withCharset = { "content-type": "Application/JSON ; charset=UTF-8" };
    expect(await readBody(post('{"name":"Zoë"}', withCharset))).toEqual({ name: "Zoë" });
  });

  it("parses form bodies", async () => {
    const body = "email=a%40b.co&metadata[plan]=pro&name=";
    expect(
      await readBody(post(body, { "content-type": "application/x-www-form-urlencoded; charset=utf-8" })),
    ).toEqual({ email: "a@b.co", metadata: { plan: "pro" }, name: null });
    expect((await rejection(readBody(post("a=1&a=2", form)))).code).toBe("body_invalid");
  });

  it("treats a body without a content type as JSON", async () => {
    const bytes = new TextEncoder().encode('{"name":"Alice"}');
    expect(await readBody(post(bytes))).toEqual({ name: "Alice" });
    expect((await rejection(readBody(post(new TextEncoder().encode("name=Alice"))))).code).toBe(
      "body_invalid",
    );
  });

  it("reads an empty body as {} whatever the content type", async () => {
    expect(await readBody(post(null))).toEqual({});
    expect(await readBody(post("", json))).toEqual({});
    expect(await readBody(post("", { "content-type": "image/png" }))).toEqual({});
    expect(await readBody(new Request("http://x/"))).toEqual({});
  });

  it("rejects other media types with 415", async () => {
    const error = await rejection(readBody(post("hello", { "content-type": "text/plain; charset=utf-8" })));
    expect(error.code).toBe("unsupported_media_type");
    expect(error.status).toBe(415);
    expect(error.message).toBe(
      "Content-Type text/plain is not supported; send application/json or application/x-www-form-urlencoded.",
    );
    const multipart = await rejection(
      readBody(post("x", { "content-type": "multipart/form-data; boundary=b" })),
    );
    expect(multipart.code).toBe("unsupported_media_type");
  });

  it("rejects invalid JSON", async () => {
    for (const body of ["{", "{'a':1}", '{"a":1,}', "undefined"]) {
      const error = await rejection(readBody(post(body, json)));
      expect(error.code).toBe("body_invalid");
      expect(error.message).toMatch(/^Request body is not valid JSON: /);
    }
  });

  it("rejects JSON that is not an object", async () => {
    for (const body of ["[]", '[{"a":1}]', '"text"', "null", "42", "true"]) {
      const error = await rejection(readBody(post(body, json)));
      expect(error.code).toBe("body_invalid");
      expect(error.message).toBe("Request body must be a JSON object.");
    }
  });

  it("rejects invalid UTF-8 bytes, in JSON and in forms", async () => {
    const bytes = Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}
    expect((await rejection(readBody(post(bytes, json)))).code).toBe("body_invalid");
    const formBytes = Uint8Array.from([0x61, 0x3d, 0xc3]); // a=\xc3
    expect((await rejection(readBody(post(formBytes, form)))).code).toBe("body_invalid");
  });

  it("survives pathological nesting", async () => {
    for (const body of [
      "[".repeat(10_000),
      "[".repeat(10_000) + "]".repeat(10_000),
      '{"a":'.repeat(10_000),
    ]) {
      expect((await rejection(readBody(post(body, json)))).code).toBe("body_invalid");
    }
  });

  it("accepts exactly 1 MiB and rejects 1 MiB + 1 byte", async () => {
    const exact = '{"a":"' + "x".repeat(MiB - 8) + '"}';
    expect(exact.length).toBe(MiB);
    expect(await readBody(post(exact, json))).toEqual({ a: "x".repeat(MiB - 8) });

    const error = await rejection(readBody(post(exact + " ", json)));
    expect(error.code).toBe("body_too_large");
    expect(error.status).toBe(413);
    expect(error.message).toBe("Request body is larger than 1 MiB.");
  });

  it("rejects up front when Content-Length is over the limit", async () => {
    // Only 10 bytes really follow: the error can only come from the header.
    const request = post(lazyStream(1, 10).stream, { ...json, "content-length": String(MiB + 1) });
    expect((await rejection(readBody(request))).code).toBe("body_too_large");
    expect(request.bodyUsed).toBe(false);
  });

  it("stops reading once the limit is passed, even with a lying Content-Length", async () => {
    const { stream, state } = lazyStream(1000, 64 * 1024); // would be 62.5 MiB
    const request = post(stream, { ...json, "content-length": "2" });
    expect((await rejection(readBody(request))).code).toBe("body_too_large");
    expect(state.pulled).toBeLessThan(20);
  });

  it("states a custom limit", async () => {
    const error = await rejection(readBody(post("x".repeat(11 * MiB), json), { maxBytes: 10 * MiB }));
    expect(error.message).toBe("Request body is larger than 10 MiB.");
    expect(await readBody(post('{"a":1}', json), { maxBytes: 7 })).toEqual({ a: 1 });
    expect((await rejection(readBody(post('{"a":10}', json), { maxBytes: 7 }))).message).toBe(
      "Request body is larger than 7 bytes.",
    );
  });
});
