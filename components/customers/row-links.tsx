"use client";
import { useRouter } from "next/navigation";
import type { MouseEvent, ReactNode } from "react";
import { ROW_LINK_ATTRIBUTE } from "@/components/customers/row-link";

/**
 * Client-side navigation for many plain row links at once, instead of one next/link per row: each
 * Link is a client component of its own (rendered, serialized and hydrated 50 times a page) and
 * prefetches its page as soon as it scrolls into view (50 detail pages rendered on the server for
 * every list view). Here a plain left click on a row link goes through the router like a Link's;
 * a click with a modifier, a middle click or "open in new tab" is left to the browser. Nothing is
 * prefetched: a row's page is rendered when it is opened, not 50 times per list view.
 */
export function RowLinks({ className, children }: { className?: string; children: ReactNode }) {
  const router = useRouter();

  function rowLink(target: EventTarget): HTMLAnchorElement | null {
    if (!(target instanceof Element)) return null;
    const anchor = target.closest(`a[${ROW_LINK_ATTRIBUTE}]`);
    if (!(anchor instanceof HTMLAnchorElement) || anchor.origin !== window.location.origin) return null;
    return anchor;
  }

  function navigate(event: MouseEvent<HTMLDivElement>) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = rowLink(event.target);
    if (!anchor || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return;
    event.preventDefault();
    router.push(`${anchor.pathname}${anchor.search}${anchor.hash}`);
  }

  return (
    <div className={className} onClick={navigate}>
      {children}
    </div>
  );
}
