"use client";
import { usePathname } from "next/navigation";
import { switchModeAction } from "@/app/dashboard/actions";

/** The header's test-mode switch: a real form, so it works before (and without) JavaScript. */
export function ModeSwitch({ livemode }: { livemode: boolean }) {
  const pathname = usePathname();
  return (
    <form action={switchModeAction}>
      <input type="hidden" name="mode" value={livemode ? "test" : "live"} />
      <input type="hidden" name="returnTo" value={pathname} />
      <button
        type="submit"
        role="switch"
        aria-checked={!livemode}
        className="flex items-center gap-2 rounded-full px-2 py-1 text-sm font-medium text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700"
      >
        <span
          aria-hidden="true"
          className={`relative inline-block h-5 w-9 rounded-full transition-colors ${livemode ? "bg-slate-300" : "bg-amber-500"}`}
        >
          <span
            className={`absolute top-0.5 h-4 w-4 rounded-full bg-white shadow transition-all ${livemode ? "left-0.5" : "left-4.5"}`}
          />
        </span>
        Test mode
      </button>
    </form>
  );
}
