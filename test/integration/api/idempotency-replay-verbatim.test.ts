// A replay is the first answer byte for byte (spec: "the first response (status and body) is
// replayed"), not merely the same JSON: the stored body keeps its keys in the order they were
// sent (a json column; jsonb would reorder them by length). Found by bench/reliability/multi-process.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";

let server: ApiServer;
let workspace: TestWorkspace;

beforeAll(async () => {
  [server, workspace] = await Promise.all([startApiServer(), createTestWorkspace()]);
});
afterAll(async () => {
  await server?.stop();
});

describe("idempotent replay", () => {
  it("answers the stored response with the same bytes", async () => {
    const send = () =>
      fetch(`${server.url}/api/v1/customers`, {
        method: "POST",
        headers: {
          Authorization: `Bearer ${workspace.testKey}`,
          "Content-Type": "application/json",
          "Idempotency-Key": "verbatim-1",
        },
        body: JSON.stringify({ name: "Verbatim", metadata: { zeta: "1", alpha: "2" } }),
      });
    const first = await send();
    const firstText = await first.text();
    expect(first.status).toBe(201);
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await replay.text()).toBe(firstText);
  });
});
