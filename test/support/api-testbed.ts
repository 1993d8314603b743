// The usual set-up of an API test file: the app on this file's database, one fresh workspace,
// and a client holding its test key — started before the file's tests, stopped after.
import { afterAll, beforeAll } from "vitest";
import { apiClient, createTestWorkspace, type TestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";

export type ApiTestbed = { server: ApiServer; workspace: TestWorkspace; api: ReturnType<typeof apiClient> };

export function startApiTestbed(settings?: Record<string, string>): ApiTestbed {
  const testbed = {} as ApiTestbed;
  beforeAll(async () => {
    [testbed.server, testbed.workspace] = await Promise.all([
      startApiServer(settings),
      createTestWorkspace(),
    ]);
    testbed.api = apiClient(testbed.server.url, testbed.workspace.testKey);
  });
  afterAll(() => testbed.server?.stop());
  return testbed;
}
