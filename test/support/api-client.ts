// A tiny HTTP client for API tests, plus factories for fresh workspaces and keys.
import { randomBytes } from "node:crypto";
import { createWorkspace } from "@/lib/workspaces/create-workspace";

export type TestWorkspace = { workspaceId: string; testKey: string; liveKey: string };

/** A new workspace with a random name, so test files and tests never share data. */
export async function createTestWorkspace(): Promise<TestWorkspace> {
  const suffix = randomBytes(5).toString("hex");
  const created = await createWorkspace({
    name: `Test ${suffix}`,
    email: `owner-${suffix}@example.com`,
    password: "correct horse battery",
  });
  return { workspaceId: created.workspaceId, testKey: created.testSecretKey, liveKey: created.liveSecretKey };
}

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T };

export function apiClient(baseUrl: string, secretKey?: string) {
  async function request<T = any>(
    method: string,
    path: string,
    options: { json?: unknown; form?: string; headers?: Record<string, string>; raw?: BodyInit } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (secretKey) headers.authorization ??= `Basic ${Buffer.from(`${secretKey}:`).toString("base64")}`;
    let body: BodyInit | undefined = options.raw;
    if (options.json !== undefined) {
      headers["content-type"] ??= "application/json";
      body = JSON.stringify(options.json);
    } else if (options.form !== undefined) {
      headers["content-type"] ??= "application/x-www-form-urlencoded";
      body = options.form;
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (CSV exports): keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }
  return {
    request,
    get: <T = any>(path: string, headers?: Record<string, string>) => request<T>("GET", path, { headers }),
    post: <T = any>(path: string, json?: unknown, headers?: Record<string, string>) =>
      request<T>("POST", path, { json: json ?? {}, headers }),
    patch: <T = any>(path: string, json: unknown, headers?: Record<string, string>) =>
      request<T>("PATCH", path, { json, headers }),
  };
}
