export const SESSION_COOKIE_PREFIX = "plugipay";
