// A list call is both a promise of its first page and an async iterable of every item:
//   const page = await plugipay.customers.list({ limit: 10 });
//   for await (const customer of plugipay.customers.list({ email })) { … }
export type Page<T> = { object: "list"; url: string; data: T[]; hasMore: boolean; nextCursor: string | null };

/** Page size while iterating when the caller set none: the API's largest, fewest round trips. */
export const ITERATION_PAGE_SIZE = 100;

export class ListRequest<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  private firstPage?: Promise<Page<T>>;

  constructor(
    private readonly fetchPage: (page: { limit?: number; cursor?: string }) => Promise<Page<T>>,
    private readonly params: { limit?: number; cursor?: string },
  ) {}

  then<A = Page<T>, B = never>(
    onFulfilled?: ((page: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    this.firstPage ??= this.fetchPage(this.params);
    return this.firstPage.then(onFulfilled, onRejected);
  }

  /** Every item from the cursor given (or the start), page after page, until the last. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let cursor = this.params.cursor;
    const limit = this.params.limit ?? ITERATION_PAGE_SIZE;
    for (;;) {
      const page = await this.fetchPage({ limit, cursor });
      yield* page.data;
      if (!page.hasMore || !page.nextCursor) return;
      cursor = page.nextCursor;
    }
  }

  /** Every item in an array (mind the memory for large lists; iterate instead). */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
