"use client";
import { useRouter } from "next/navigation";
import { useRef, type FocusEvent, type MouseEvent, type ReactNode, type TouchEvent } from "react";

/** Marks a plain `<a>` inside RowLinks as one of its row links. */
export const ROW_LINK = { "data-row-link": "" } as const;

/**
 * Client-side navigation for many plain row links at once, instead of one next/link per row: each
 * Link is a client component of its own (rendered, serialized and hydrated 50 times a page) and
 * prefetches its page as soon as it scrolls into view (50 detail pages rendered on the server for
 * every list view). Here a plain left click on a row link goes through the router like a Link's;
 * a click with a modifier, a middle click or "open in new tab" is left to the browser. A row's page
 * is prefetched when it is hovered, focused or touched, as a Link does on hover.
 */
export function RowLinks({ className, children }: { className?: string; children: ReactNode }) {
  const router = useRouter();
  const prefetched = useRef(new Set<string>());

  function rowLink(target: EventTarget): HTMLAnchorElement | null {
    if (!(target instanceof Element)) return null;
    const anchor = target.closest("a[data-row-link]");
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

  function prefetch(
    event: MouseEvent<HTMLDivElement> | FocusEvent<HTMLDivElement> | TouchEvent<HTMLDivElement>,
  ) {
    const anchor = rowLink(event.target);
    if (!anchor) return;
    const href = `${anchor.pathname}${anchor.search}`;
    if (prefetched.current.has(href)) return;
    prefetched.current.add(href);
    router.prefetch(href);
  }

  return (
    <div
      className={className}
      onClick={navigate}
      onMouseOver={prefetch}
      onFocus={prefetch}
      onTouchStart={prefetch}
    >
      {children}
    </div>
  );
}
