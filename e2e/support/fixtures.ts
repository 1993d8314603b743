// The `test` every e2e spec uses: it fails a test whose pages logged a console error or threw
// an uncaught exception, even when every assertion passed. A test that causes an error on
// purpose lists it: `test.use({ expectedBrowserErrors: [/pattern/] })`.
import { test as base, expect } from "@playwright/test";

type Fixtures = { expectedBrowserErrors: RegExp[]; failOnBrowserErrors: void };

export const test = base.extend<Fixtures>({
  expectedBrowserErrors: [[], { option: true }],
  failOnBrowserErrors: [
    async ({ context, expectedBrowserErrors }, use) => {
      const errors: string[] = [];
      context.on("console", (message) => {
        if (message.type() === "error")
          errors.push(`console.error at ${message.location().url}: ${message.text()}`);
      });
      context.on("weberror", (error) =>
        errors.push(`uncaught ${error.error().stack ?? error.error().message}`),
      );
      await use();
      const unexpected = errors.filter(
        (error) => !expectedBrowserErrors.some((pattern) => pattern.test(error)),
      );
      expect(unexpected, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
