// The SDK against the real app: `next start` on this test file's database, behind a TCP proxy the
// test can use to lose answers or move the app, and a fresh workspace's test key.
import { afterAll, beforeAll } from "vitest";
import { Plugipay } from "@/sdk/src/index";
import type { ClientConfig } from "@/sdk/src/http-client";
import { createTestWorkspace, type TestWorkspace } from "@/test/support/api-client";
import { startApiServer, type ApiServer } from "@/test/support/api-server";
import { startTcpProxy, type TcpProxy } from "@/test/support/tcp-proxy";

export type SdkTestbed = {
  server: ApiServer;
  proxy: TcpProxy;
  workspace: TestWorkspace;
  /** The app's address through the proxy. */
  baseUrl: string;
  /** A client on the workspace's test key, through the proxy. */
  client(config?: ClientConfig): Plugipay;
  /** Starts the app again (after server.kill()) and points the proxy at it. */
  restartServer(): Promise<void>;
};

export function startSdkTestbed(settings?: Record<string, string>): SdkTestbed {
  const testbed = {} as SdkTestbed;
  beforeAll(async () => {
    [testbed.server, testbed.workspace] = await Promise.all([
      startApiServer(settings),
      createTestWorkspace(),
    ]);
    testbed.proxy = await startTcpProxy("127.0.0.1", Number(new URL(testbed.server.url).port));
    testbed.baseUrl = `http://127.0.0.1:${testbed.proxy.port}`;
    testbed.client = (config = {}) =>
      new Plugipay(testbed.workspace.testKey, { baseUrl: testbed.baseUrl, ...config });
    testbed.restartServer = async () => {
      testbed.server = await startApiServer(settings);
      testbed.proxy.retarget(Number(new URL(testbed.server.url).port));
    };
  });
  afterAll(async () => {
    await testbed.server?.stop();
    await testbed.proxy?.close();
  });
  return testbed;
}
