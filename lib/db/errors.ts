// Recognising database failures through Prisma and node-postgres, whichever layer raised them.

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "57P01", // admin_shutdown (also pg_terminate_backend)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "P1001", // Prisma: can't reach database server
  "P1002",
  "P1017", // Prisma: server closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
]);

const UNAVAILABLE_MESSAGES = [
  "timeout exceeded when trying to connect",
  "Connection terminated",
  "Can't reach database server",
  "the database system is shutting down",
  "the database system is starting up",
  "DatabaseNotReachable",
  // node-postgres, for a query on a connection that already failed (e.g. inside a transaction
  // whose session the server ended).
  "Client has encountered a connection error and is not queryable",
];

// Prisma's known request errors (P2010, P2039…) carry the driver adapter's error under
// meta.driverAdapterError rather than as their cause: follow both links.
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 8; depth++) {
    chain.push(current);
    const e = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = e.meta?.driverAdapterError ?? e.cause;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; originalCode?: unknown; kind?: unknown };
  for (const value of [e.code, e.originalCode, e.kind]) if (typeof value === "string") return value;
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    const code = codeOf(e);
    if (code && UNAVAILABLE_CODES.has(code)) return true;
    const message = e instanceof Error ? e.message : typeof e === "string" ? e : "";
    return UNAVAILABLE_MESSAGES.some((text) => message.includes(text));
  });
}

export function isUniqueViolation(error: unknown): boolean {
  return causes(error).some((e) => {
    const code = codeOf(e);
    return code === "P2002" || code === "23505" || code === "UniqueConstraintViolation";
  });
}
