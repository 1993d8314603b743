import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/dashboard/same-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("isSameOriginRequest", () => {
  it("accepts the page's own origin, directly or behind a proxy", () => {
    expect(isSameOriginRequest(headers({ origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000" }))).toBe(
      true,
    );
    expect(
      isSameOriginRequest(
        headers({
          origin: "https://dash.example.com",
          host: "10.0.0.5:3000",
          "x-forwarded-host": "dash.example.com",
          "sec-fetch-site": "same-origin",
        }),
      ),
    ).toBe(true);
  });

  it("refuses another site, a missing or malformed Origin, and cross-site fetch metadata", () => {
    expect(isSameOriginRequest(headers({ origin: "https://evil.example", host: "dash.example.com" }))).toBe(
      false,
    );
    expect(isSameOriginRequest(headers({ host: "dash.example.com" }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: "null", host: "dash.example.com" }))).toBe(false);
    expect(
      isSameOriginRequest(
        headers({
          origin: "https://dash.example.com",
          host: "dash.example.com",
          "sec-fetch-site": "same-site",
        }),
      ),
    ).toBe(false);
    // A sibling port is another origin.
    expect(isSameOriginRequest(headers({ origin: "http://localhost:4000", host: "localhost:3000" }))).toBe(
      false,
    );
  });
});
