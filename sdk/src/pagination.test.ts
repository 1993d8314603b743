import { describe, expect, it } from "vitest";
import { ITERATION_PAGE_SIZE, ListRequest, type Page } from "./pagination.js";

/** Pages over 0..count-1 with numeric cursors, recording what was asked. */
function pager(count: number, asked: { limit?: number; cursor?: string }[]) {
  return async (page: { limit?: number; cursor?: string }): Promise<Page<number>> => {
    asked.push(page);
    const start = page.cursor ? Number(page.cursor) : 0;
    const limit = page.limit ?? 10;
    const data = Array.from({ length: Math.max(0, Math.min(limit, count - start)) }, (_, i) => start + i);
    const hasMore = start + limit < count;
    return { object: "list", url: "/x", data, hasMore, nextCursor: hasMore ? String(start + limit) : null };
  };
}

describe("ListRequest", () => {
  it("awaited: the first page with the caller's parameters, fetched once however often awaited", async () => {
    const asked: { limit?: number; cursor?: string }[] = [];
    const list = new ListRequest(pager(25, asked), { limit: 5 });
    expect((await list).data).toEqual([0, 1, 2, 3, 4]);
    await list;
    expect(asked).toEqual([{ limit: 5 }]);
  });

  it("iterated: every item, following nextCursor, at the largest page size unless one was given", async () => {
    const asked: { limit?: number; cursor?: string }[] = [];
    const items: number[] = [];
    for await (const item of new ListRequest(pager(250, asked), {})) items.push(item);
    expect(items).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(asked.map((page) => page.limit)).toEqual([
      ITERATION_PAGE_SIZE,
      ITERATION_PAGE_SIZE,
      ITERATION_PAGE_SIZE,
    ]);
    expect(await new ListRequest(pager(0, []), {}).toArray()).toEqual([]);
  });
});
