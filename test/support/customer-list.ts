// Helpers for list tests: customers inserted straight into the table (fast, with chosen
// creation times), paging through GET /customers, and the order PostgreSQL should return.
import { prisma } from "@/lib/db/prisma";
import { newId } from "@/lib/ids";
import type { Scope } from "@/lib/scope";
import type { Customer, CustomerSort } from "@/lib/customers/schemas";
import type { apiClient, ApiResponse } from "@/test/support/api-client";

export type ApiClient = ReturnType<typeof apiClient>;

export type ListBody = {
  object: "list";
  url: string;
  data: Customer[];
  hasMore: boolean;
  nextCursor: string | null;
};

export type CustomerSeed = {
  name?: string | null;
  email?: string | null;
  externalId?: string | null;
  createdAt: Date;
  archivedAt?: Date | null;
};

export type SeededCustomer = Required<CustomerSeed> & { id: string };

/** Inserts customers shaped as the app makes them (id from the creation time, lower-cased email). */
export async function insertCustomers(scope: Scope, seeds: CustomerSeed[]): Promise<SeededCustomer[]> {
  const rows = seeds.map((seed) => ({
    id: newId("customer", seed.createdAt.getTime()),
    name: seed.name ?? null,
    email: seed.email ?? null,
    externalId: seed.externalId ?? null,
    createdAt: seed.createdAt,
    archivedAt: seed.archivedAt ?? null,
  }));
  await prisma.customer.createMany({
    data: rows.map((row) => ({
      ...row,
      workspaceId: scope.workspaceId,
      livemode: scope.livemode,
      emailNormalized: row.email?.toLowerCase() ?? null,
      updatedAt: row.createdAt,
    })),
  });
  return rows;
}

/** `count` customers created one minute apart, the newest `newest`. */
export function minutesApart(
  count: number,
  newest: Date,
  seed: (index: number) => Partial<CustomerSeed> = () => ({}),
) {
  return Array.from({ length: count }, (_, index) => ({
    ...seed(index),
    createdAt: new Date(newest.getTime() - index * 60_000),
  }));
}

/** The list's path with these query parameters (null or undefined ones left out). */
export function listPath(params: Record<string, string | null | undefined> = {}): string {
  const given = Object.entries(params).filter((entry): entry is [string, string] => entry[1] != null);
  const query = new URLSearchParams(given).toString();
  return `/api/v1/customers${query ? `?${query}` : ""}`;
}

/** Every page of a list, following nextCursor, checking each page's envelope on the way. */
export async function listAllPages(api: ApiClient, params: Record<string, string>): Promise<ListBody[]> {
  const pages: ListBody[] = [];
  let cursor: string | null = null;
  do {
    const response: ApiResponse<ListBody> = await api.get<ListBody>(listPath({ ...params, cursor }));
    if (response.status !== 200) {
      throw new Error(`page ${pages.length + 1}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    const page: ListBody = response.body;
    if (
      page.object !== "list" ||
      page.url !== "/api/v1/customers" ||
      page.hasMore !== (page.nextCursor !== null)
    )
      throw new Error(
        `page ${pages.length + 1} has a bad envelope: ${JSON.stringify({ ...page, data: "…" })}`,
      );
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 500);
  return pages;
}

export const idsOf = (customers: { id: string }[]) => customers.map((customer) => customer.id);

/** The position of each distinct string in the database's own collation (its ORDER BY). */
export async function collationRanks(values: string[]): Promise<Map<string, number>> {
  const distinct = [...new Set(values)];
  const rows = await prisma.$queryRaw<{ v: string }[]>`
    SELECT v FROM unnest(${distinct}::text[]) AS v ORDER BY v`;
  return new Map(rows.map((row, index) => [row.v, index]));
}

/**
 * The contract's order, computed here: ascending puts non-null values in collation order, then the
 * nulls, ties broken by id; descending is the exact reverse. Email sorts use the lower-cased email.
 */
export async function expectedOrder(customers: SeededCustomer[], sort: CustomerSort): Promise<string[]> {
  const field = sort.replace(/^-/, "");
  const keyOf = (customer: SeededCustomer): string | number | null =>
    field === "createdAt"
      ? customer.createdAt.getTime()
      : field === "name"
        ? customer.name
        : (customer.email?.toLowerCase() ?? null);
  const texts = customers.map(keyOf).filter((key): key is string => typeof key === "string");
  const ranks = await collationRanks(texts);
  const rank = (key: string | number) => (typeof key === "number" ? key : ranks.get(key)!);
  const byId = (a: SeededCustomer, b: SeededCustomer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const ascending = [...customers].sort((a, b) => {
    const [ka, kb] = [keyOf(a), keyOf(b)];
    if (ka === null || kb === null) return ka === kb ? byId(a, b) : ka === null ? 1 : -1;
    return rank(ka) - rank(kb) || byId(a, b);
  });
  const ids = idsOf(ascending);
  return sort.startsWith("-") ? ids.reverse() : ids;
}
