// Query plans for tests: record the SQL a domain function runs, EXPLAIN ANALYZE it, and read
// the plan tree (which indexes, how many rows were read).
import { prisma } from "@/lib/db/prisma";
import type { Db } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";

type RawValue = Parameters<typeof Prisma.sql>[1];

/** A client whose $queryRaw runs on the real one and appends each query to `queries`. */
export function recordingDb(queries: Prisma.Sql[]): Db {
  const $queryRaw = (strings: TemplateStringsArray, ...values: RawValue[]) => {
    const query = Prisma.sql(strings, ...values);
    queries.push(query);
    return prisma.$queryRaw(query);
  };
  return { $queryRaw } as unknown as Db;
}

export type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  "Rows Removed by Index Recheck"?: number;
  Plans?: PlanNode[];
};

export async function explainAnalyze(query: Prisma.Sql): Promise<PlanNode> {
  const [row] = await prisma.$queryRaw<{ "QUERY PLAN": unknown }[]>`EXPLAIN (ANALYZE, FORMAT JSON) ${query}`;
  const plan = row["QUERY PLAN"];
  return (typeof plan === "string" ? JSON.parse(plan) : plan)[0].Plan;
}

export function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** Rows a plan took from `table`: what its scans returned plus what their filters threw away. */
export function rowsRead(plan: PlanNode, table: string): number {
  return planNodes(plan)
    .filter((node) => node["Relation Name"] === table)
    .reduce(
      (sum, node) =>
        sum +
        ((node["Actual Rows"] ?? 0) +
          (node["Rows Removed by Filter"] ?? 0) +
          (node["Rows Removed by Index Recheck"] ?? 0)) *
          (node["Actual Loops"] ?? 1),
      0,
    );
}

/** One line per plan node, e.g. `Index Scan Backward customers_…_idx rows=11 removed=0`. */
export function describePlan(plan: PlanNode): string {
  return planNodes(plan)
    .map((node) =>
      [
        node["Node Type"],
        node["Index Name"] ?? node["Relation Name"] ?? "",
        node["Actual Rows"] === undefined ? "" : `rows=${node["Actual Rows"]}`,
        node["Rows Removed by Filter"] ? `removed=${node["Rows Removed by Filter"]}` : "",
      ]
        .filter(Boolean)
        .join(" "),
    )
    .join(" > ");
}
