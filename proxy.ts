// Early redirect of signed-out visitors to /login?next=<the page, query included>, and the page's
// path for server components (they cannot read the URL's query otherwise). Only a cookie check:
// lib/dashboard/context.ts validates the session. Elsewhere it sees only paths with a "%", to answer
// those Next's router cannot decode (decision 64); it stays off ordinary API requests, which it would slow.
import { NextResponse, type NextRequest } from "next/server";
import { getSessionCookie } from "better-auth/cookies";
import { SESSION_COOKIE_PREFIX } from "@/lib/auth/cookie-prefix";
import { REQUEST_PATH_HEADER } from "@/lib/dashboard/preferences";
import { isApiPath, isDecodablePath, undecodableApiPath } from "@/lib/api/undecodable-path";
import { loginUrl } from "@/lib/dashboard/safe-next-path";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (!isDecodablePath(pathname)) {
    if (isApiPath(pathname)) return undecodableApiPath(request, pathname);
    return NextResponse.rewrite(new URL("/_not-found", request.url));
  }
  if (!/^\/dashboard(\/|$)/.test(pathname)) return NextResponse.next();
  // As requested, byte for byte (next.config.ts: skipProxyUrlNormalize).
  const page = `${pathname}${new URL(request.url).search}`;
  if (!getSessionCookie(request, { cookiePrefix: SESSION_COOKIE_PREFIX })) {
    return NextResponse.redirect(new URL(loginUrl(page), request.url));
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(REQUEST_PATH_HEADER, page);
  return NextResponse.next({ request: { headers: forwarded } });
}

export const config = {
  // The dashboard; and elsewhere, only paths with a percent-escape (lib/api/undecodable-path.ts).
  matcher: ["/dashboard", "/dashboard/:path*", "/:path(.*%.*)"],
};
