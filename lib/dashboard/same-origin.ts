// Cross-site request forgery guard for the dashboard's own POST routes (server actions get Next's
// built-in check; route handlers get none). A browser always sends Origin on a fetch POST and, in
// current browsers, Sec-Fetch-Site: a request from another site fails one or the other.

/** The host the app answers on, as Next's server-action check takes it: x-forwarded-host, else host. */
function appHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0].trim() || headers.get("host");
}

export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") return false;
  const origin = headers.get("origin");
  const host = appHost(headers);
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
