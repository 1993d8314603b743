// Benchmarks' data: N customers in one workspace and mode, written by PostgreSQL itself
// (INSERT … SELECT generate_series, in chunks so progress shows), then VACUUM ANALYZE, as a table at
// rest would be. 1,000,000 customers take a few minutes on the project's machines.
//
// Row i (1-based) is predictable, so a benchmark can ask for a given customer without a lookup:
//   id          cus_ + i in hex, left-padded to 26 (a valid ULID alphabet; ids sort as i does)
//   createdAt   2020-01-01 + i seconds (newest = highest i; the default list shows i = N first)
//   externalId  crm_<i>                 email  <first>.<last>.<i>@<domain>, lower-case
//   name        "<First> <Last>" from 40 × 40 names (1 in 100 has none), phone, one metadata key
import { prisma } from "@/lib/db/prisma";
import type { Scope } from "@/lib/scope";

const FIRST = [
  "Alice",
  "Bob",
  "Chidi",
  "Dewi",
  "Émile",
  "Oluwaseun",
  "Zoë",
  "Zack",
  "Ngozi",
  "Putri",
  "Ahmad",
  "María",
  "Kenji",
  "Aisha",
  "Lars",
  "Priya",
  "Mateo",
  "Siti",
  "Olga",
  "Tariq",
  "Hannah",
  "Budi",
  "Fatima",
  "Jonas",
  "Mei",
  "Rafael",
  "Ingrid",
  "Yusuf",
  "Camille",
  "Rizky",
  "Sofia",
  "Dmitri",
  "Amara",
  "Hiroshi",
  "Lucía",
  "Kwame",
  "Elif",
  "Nikolai",
  "Ayu",
  "Gabriel",
];
const LAST = [
  "Smith",
  "Adeyemi",
  "Santoso",
  "Okafor",
  "Müller",
  "Nguyen",
  "Wijaya",
  "Brown",
  "García",
  "Tanaka",
  "Haddad",
  "Johansson",
  "Patel",
  "Rossi",
  "Kowalski",
  "Lestari",
  "Ivanova",
  "Mensah",
  "Yilmaz",
  "Schneider",
  "Hernández",
  "Suzuki",
  "Rahman",
  "O'Brien",
  "Dubois",
  "Kurniawan",
  "Andersen",
  "Nakamura",
  "Silva",
  "Fischer",
  "Hakimi",
  "Novak",
  "Pratama",
  "Moreau",
  "Costa",
  "Petrov",
  "Osei",
  "Lindqvist",
  "Chen",
  "Sutanto",
];
const DOMAINS = ["example.com", "mail.co.id", "corp.io", "shop.example"];

export const seededCustomerId = (i: number) => `cus_${i.toString(16).toUpperCase().padStart(26, "0")}`;

export async function seedCustomers(
  scope: Scope,
  count: number,
  progress: (done: number) => void = () => {},
): Promise<void> {
  const chunk = 100_000;
  for (let from = 1; from <= count; from += chunk) {
    const to = Math.min(count, from + chunk - 1);
    await prisma.$executeRaw`
      INSERT INTO customers (id, workspace_id, livemode, external_id, email, email_normalized, name,
                             phone, metadata, created_at, updated_at)
      SELECT 'cus_' || lpad(upper(to_hex(i)), 26, '0'), ${scope.workspaceId}, ${scope.livemode},
             'crm_' || i, email, email,
             CASE WHEN i % 100 <> 42 THEN first || ' ' || last END,
             '+62812' || lpad(i::text, 7, '0'), jsonb_build_object('plan', 'pro'),
             created_at, created_at
      FROM generate_series(${from}::int, ${to}::int) AS i,
      LATERAL (SELECT
        timestamptz '2020-01-01 00:00:00Z' + i * interval '1 second' AS created_at,
        (${FIRST}::text[])[1 + i % ${FIRST.length}] AS first,
        (${LAST}::text[])[1 + (i / ${FIRST.length}) % ${LAST.length}] AS last) AS names,
      LATERAL (SELECT lower(translate(first || '.' || last, 'ÉéëüíáÜ''', 'eeeuiau')) || '.' || i || '@'
        || (${DOMAINS}::text[])[1 + i % ${DOMAINS.length}] AS email) AS emails`;
    progress(to);
  }
  // VACUUM flushes the GIN (trigram) indexes' pending lists, which every search would otherwise
  // scan in full; ANALYZE gives the planner the table's real shape.
  await prisma.$executeRawUnsafe("VACUUM ANALYZE customers");
}
