/** Whose data a call may see: one workspace, one mode. Every domain function takes it. */
export type Scope = { workspaceId: string; livemode: boolean };
