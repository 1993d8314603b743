// Marks a plain `<a>` inside RowLinks as one of its row links. Not in row-links.tsx: a value
// exported from a "use client" module reaches a server component as a client reference, not as
// this object, and spreading it there would mark nothing.
export const ROW_LINK_ATTRIBUTE = "data-row-link";
export const ROW_LINK = { [ROW_LINK_ATTRIBUTE]: "" } as const;
