import path from "node:path";
import { defineConfig } from "vitest/config";

const shared = {
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside React Server Components; tests are server code.
      "server-only": path.resolve(import.meta.dirname, "test/support/empty-module.ts"),
    },
  },
};

export default defineConfig({
  test: {
    projects: [
      {
        ...shared,
        test: {
          name: "unit",
          // They run beside the integration project on the same cores: a 100,000-row CSV parse took
          // 4 s of the default 5 s in a CI run, a property test 7 s.
          testTimeout: 30_000,
          include: [
            "lib/**/*.test.ts",
            "scripts/**/*.test.ts",
            "components/**/*.test.{ts,tsx}",
            "sdk/**/*.test.ts",
          ],
        },
      },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/setup/database-server.ts"],
          setupFiles: ["test/setup/fresh-database.ts"],
          // Signs list cursors when tests call lib/ functions directly (the API server gets its own).
          env: { AUTH_SECRET: "test-auth-secret-for-cursors-and-sessions" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
