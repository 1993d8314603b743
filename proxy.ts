// Early redirect of signed-out visitors to /login?next=<the page, query included>, and the page's
// path for server components (they cannot read the URL's query otherwise). Only a cookie check:
// lib/dashboard/context.ts validates the session. Kept off the API path, where it would cost every request.
import { NextResponse, type NextRequest } from "next/server";
import { getSessionCookie } from "better-auth/cookies";
import { SESSION_COOKIE_PREFIX } from "@/lib/auth/cookie-prefix";
import { REQUEST_PATH_HEADER } from "@/lib/dashboard/preferences";
import { loginUrl } from "@/lib/dashboard/safe-next-path";

export function proxy(request: NextRequest) {
  // As requested, byte for byte (next.config.ts: skipProxyUrlNormalize).
  const page = `${request.nextUrl.pathname}${new URL(request.url).search}`;
  if (!getSessionCookie(request, { cookiePrefix: SESSION_COOKIE_PREFIX })) {
    return NextResponse.redirect(new URL(loginUrl(page), request.url));
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, page);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
