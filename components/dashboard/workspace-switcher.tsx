import { switchWorkspaceAction } from "@/app/dashboard/actions";
import type { UserWorkspace } from "@/lib/workspaces/list-user-workspaces";

/** The workspace's name; a picker when the user belongs to more than one. */
export function WorkspaceSwitcher({
  current,
  workspaces,
}: {
  current: UserWorkspace;
  workspaces: UserWorkspace[];
}) {
  if (workspaces.length < 2) {
    return <span className="truncate text-sm font-semibold text-slate-900">{current.name}</span>;
  }
  return (
    <form action={switchWorkspaceAction} className="flex items-center gap-2">
      <label htmlFor="workspace-picker" className="sr-only">
        Workspace
      </label>
      <select
        id="workspace-picker"
        name="workspaceId"
        defaultValue={current.id}
        className="max-w-40 truncate rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
      >
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md px-2 py-1 text-sm text-indigo-700 underline">
        Switch
      </button>
    </form>
  );
}
