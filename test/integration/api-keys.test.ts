// The Developers page's key functions: scoped to one workspace and mode, like every domain function.
import { describe, expect, it } from "vitest";
import { authenticate } from "@/lib/api/authenticate";
import { ApiError } from "@/lib/api/errors";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { createWorkspace } from "@/lib/workspaces/create-workspace";
import { listUserWorkspaces } from "@/lib/workspaces/list-user-workspaces";

let counter = 0;
const newWorkspace = () =>
  createWorkspace({
    name: `Shop ${++counter}`,
    email: `owner${counter}-${Date.now()}@example.com`,
    password: "long enough",
  });

const bearer = (key: string) =>
  new Request("http://localhost/api/v1/customers", { headers: { Authorization: `Bearer ${key}` } });

describe("listApiKeys", () => {
  it("lists one mode's keys of one workspace, newest first, with only their last four characters", async () => {
    const workspace = await newWorkspace();
    await newWorkspace(); // another workspace's keys never show
    const second = await createApiKey({ workspaceId: workspace.workspaceId, mode: "test", name: "Second" });
    const test = await listApiKeys({ workspaceId: workspace.workspaceId, livemode: false });
    expect(test.map((key) => key.last4)).toEqual([second.last4, workspace.testSecretKey.slice(-4)]);
    expect(JSON.stringify(test)).not.toContain(workspace.testSecretKey);
    const live = await listApiKeys({ workspaceId: workspace.workspaceId, livemode: true });
    expect(live.map((key) => key.last4)).toEqual([workspace.liveSecretKey.slice(-4)]);
  });
});

describe("revokeApiKey", () => {
  it("makes the key fail authentication from the next request on, and is harmless twice", async () => {
    const workspace = await newWorkspace();
    const scope = { workspaceId: workspace.workspaceId, livemode: false };
    const [key] = await listApiKeys(scope);
    await expect(authenticate(bearer(workspace.testSecretKey))).resolves.toMatchObject(scope);
    await revokeApiKey(scope, key.id);
    const [revoked] = await listApiKeys(scope);
    await revokeApiKey(scope, key.id);
    const [again] = await listApiKeys(scope);
    expect(again.revokedAt).toEqual(revoked.revokedAt);
    await expect(authenticate(bearer(workspace.testSecretKey))).rejects.toMatchObject({
      code: "invalid_api_key",
    });
    await expect(authenticate(bearer(workspace.liveSecretKey))).resolves.toMatchObject({ livemode: true });
  });

  it("cannot reach another workspace's key or the other mode's: both are not found, and nothing changes", async () => {
    const mine = await newWorkspace();
    const theirs = await newWorkspace();
    const [theirKey] = await listApiKeys({ workspaceId: theirs.workspaceId, livemode: false });
    const [myLiveKey] = await listApiKeys({ workspaceId: mine.workspaceId, livemode: true });
    for (const attempt of [
      () => revokeApiKey({ workspaceId: mine.workspaceId, livemode: false }, theirKey.id),
      () => revokeApiKey({ workspaceId: mine.workspaceId, livemode: false }, myLiveKey.id),
    ]) {
      const error = await attempt().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("resource_missing");
    }
    await expect(authenticate(bearer(theirs.testSecretKey))).resolves.toBeTruthy();
    await expect(authenticate(bearer(mine.liveSecretKey))).resolves.toBeTruthy();
  });
});

describe("listUserWorkspaces", () => {
  it("returns only the workspaces the user is a member of", async () => {
    const mine = await newWorkspace();
    await newWorkspace();
    expect((await listUserWorkspaces(mine.userId)).map(({ id }) => id)).toEqual([mine.workspaceId]);
  });

  it("answers each workspace's id, name, time zone and the user's role, nothing else", async () => {
    const mine = await newWorkspace();
    const [workspace] = await listUserWorkspaces(mine.userId);
    expect(workspace).toStrictEqual({
      id: mine.workspaceId,
      name: `Shop ${counter}`,
      timeZone: "UTC",
      role: "owner",
    });
  });
});
