// Paths whose percent-escapes are not UTF-8 (`/api/v1/customers/cus_%FF`). Next's router cannot
// decode such a path segment for a dynamic route and, in production, answers a plain-text 500
// before any of our code runs (vercel/next.js#92527). proxy.ts sees them first, and only them: its
// matcher takes no path without a "%", so ordinary requests never reach it (decision 64).
import { ApiError } from "@/lib/api/errors";
import { answerWithError } from "@/lib/api/with-api";

export function isDecodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

export const isApiPath = (pathname: string) => /^\/(api\/)?v1(\/|$)/.test(pathname);

/**
 * What the catch-all answers for any other unknown API path: the contract's JSON 404, counted and
 * with RateLimit-* headers like every API answer. (Rewriting to the catch-all does not help: Next
 * still decodes the path it was asked for, and answers 500.)
 */
export function undecodableApiPath(request: Request, pathname: string): Promise<Response> {
  return answerWithError(
    request,
    new ApiError(
      "resource_missing",
      `Unrecognized request URL (${request.method} ${pathname}): its percent-escapes are not UTF-8.`,
    ),
  );
}
