// Sessions and password sign-in: better-auth on our Prisma client. Why a library: cookie signing,
// session rotation and scrypt hashing are solved problems (docs/decisions.md, "Dashboard sign-in").
// Created on first use: `next build` imports pages without AUTH_SECRET or a database.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { prisma } from "@/lib/db/prisma";
import { env } from "@/lib/env";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/workspaces/schemas";

import { SESSION_COOKIE_PREFIX } from "@/lib/auth/cookie-prefix";

function createAuth() {
  if (!env.AUTH_SECRET) throw new Error("AUTH_SECRET is not set: it signs dashboard sessions.");
  return betterAuth({
    appName: "Plugipay",
    baseURL: env.APP_URL,
    secret: env.AUTH_SECRET,
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      // Sign-up makes a workspace and its keys too (lib/workspaces/create-workspace.ts), not only a user.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
    // Sign-in is limited by lib/auth/sign-in.ts, which also covers calls that bypass better-auth's router.
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      // httpOnly and SameSite=Lax are better-auth's defaults; Secure in production (spec/dashboard.md).
      useSecureCookies: env.NODE_ENV === "production",
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { plugipayAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.plugipayAuth ??= createAuth();
  return globalForAuth.plugipayAuth;
}
