import { ModeSwitch } from "@/components/dashboard/mode-switch";
import { Sidebar } from "@/components/dashboard/sidebar";
import { WorkspaceSwitcher } from "@/components/dashboard/workspace-switcher";
import { getDashboardContext } from "@/lib/dashboard/context";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const { user, workspace, workspaces, livemode } = await getDashboardContext();
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <Sidebar />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b border-slate-200 px-4 py-3 sm:px-6">
          <WorkspaceSwitcher current={workspace} workspaces={workspaces} />
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <ModeSwitch livemode={livemode} />
            <span className="hidden text-sm text-slate-600 sm:inline">{user.email}</span>
            <form action="/logout" method="post">
              <button
                type="submit"
                className="text-sm font-medium text-indigo-700 underline-offset-2 hover:underline"
              >
                Sign out
              </button>
            </form>
          </div>
        </header>
        {!livemode && (
          <p className="border-b border-amber-300 bg-amber-100 px-4 py-1 text-center text-xs font-medium text-amber-950 sm:px-6">
            Test mode: you are viewing test data. Live data is shown apart.
          </p>
        )}
        <main className="min-w-0 flex-1 px-4 py-6 sm:px-6">{children}</main>
      </div>
    </div>
  );
}
