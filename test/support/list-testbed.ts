// Shared by the list's API test files: one app server per file, a fresh workspace per test,
// so counts and orders are each test's own.
import { afterAll, beforeAll, expect } from "vitest";
import { apiClient, createTestWorkspace, type TestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";
import { idsOf, listPath, type ApiClient, type ListBody } from "@/test/support/customer-list";

export type ListWorkspace = TestWorkspace & { api: ApiClient; live: ApiClient };

/** Starts the app for this test file; returns a factory of fresh workspaces with their clients. */
export function startListTestbed(): { newWorkspace(): Promise<ListWorkspace>; server(): ApiServer } {
  let server: ApiServer;
  beforeAll(async () => {
    server = await startApiServer();
  });
  afterAll(() => server?.stop());
  return {
    server: () => server,
    async newWorkspace() {
      const workspace = await createTestWorkspace();
      return {
        ...workspace,
        api: apiClient(server.url, workspace.testKey),
        live: apiClient(server.url, workspace.liveKey),
      };
    },
  };
}

export const testScope = (workspace: TestWorkspace) => ({
  workspaceId: workspace.workspaceId,
  livemode: false,
});

export async function expectError(api: ApiClient, path: string, code: string, param: string) {
  const response = await api.get(path);
  expect(response.status, `${path} → ${JSON.stringify(response.body)}`).toBe(400);
  expect(response.body.error).toMatchObject({ type: "invalid_request_error", code, param });
  expect(response.body.error.requestId).toMatch(/^req_/);
}

export async function listIds(api: ApiClient, params: Record<string, string>): Promise<string[]> {
  const response = await api.get<ListBody>(listPath({ limit: "100", ...params }));
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return idsOf(response.body.data);
}
