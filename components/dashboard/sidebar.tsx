"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";

const sections = [
  { href: "/dashboard/customers", label: "Customers" },
  { href: "/dashboard/payments", label: "Payments" },
  { href: "/dashboard/subscriptions", label: "Subscriptions" },
  { href: "/dashboard/invoices", label: "Invoices" },
  { href: "/dashboard/developers", label: "Developers" },
];

/** The dashboard's navigation: a column on wide screens, a menu behind a button on narrow ones. */
export function Sidebar() {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <nav
      aria-label="Dashboard"
      className="border-b border-slate-200 bg-slate-50 md:w-56 md:shrink-0 md:border-r md:border-b-0"
    >
      <div className="flex items-center justify-between px-4 py-3">
        <Link href="/dashboard/customers" className="text-lg font-bold text-indigo-800">
          Plugipay
        </Link>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium md:hidden"
          aria-expanded={open}
          aria-controls="dashboard-sections"
          onClick={() => setOpen((value) => !value)}
        >
          Menu
        </button>
      </div>
      <ul id="dashboard-sections" className={`${open ? "block" : "hidden"} space-y-1 px-2 pb-3 md:block`}>
        {sections.map(({ href, label }) => {
          const current = pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href}>
              <Link
                href={href}
                aria-current={current ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={`block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-700 ${
                  current ? "bg-indigo-100 text-indigo-900" : "text-slate-700 hover:bg-slate-100"
                }`}
              >
                {label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
