// The dashboard's per-browser choices, kept in cookies: which workspace and which mode (test/live).
// Both are only preferences: lib/dashboard/context.ts checks the workspace against the user's memberships.

export const WORKSPACE_COOKIE = "plugipay_workspace";
export const MODE_COOKIE = "plugipay_mode";

/** proxy.ts passes the requested page (path and query) to server components under this header. */
export const REQUEST_PATH_HEADER = "x-plugipay-path";

export const PREFERENCE_COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  maxAge: 60 * 60 * 24 * 365,
} as const;
