// Where sign-in sends the user back to: only a path on this site, never another origin
// (an open redirect would let a phishing link borrow our login page).

export const DEFAULT_AFTER_SIGN_IN = "/dashboard/customers";

export function safeNextPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return DEFAULT_AFTER_SIGN_IN;
  }
  // Browsers drop tabs and newlines from URLs, so "/\t/evil.example" would become "//evil.example".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return DEFAULT_AFTER_SIGN_IN;
  const base = "http://plugipay.invalid";
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== base) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `/login?next=…` for a page that needs a session. */
export function loginUrl(nextPath: string | null | undefined): string {
  return `/login?next=${encodeURIComponent(safeNextPath(nextPath))}`;
}
