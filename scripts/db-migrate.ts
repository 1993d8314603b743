// npm run db:migrate — apply pending migrations to DATABASE_URL, or to the embedded PostgreSQL.
import { migrate } from "@/lib/db/migrate";
import { provideDatabase } from "@/lib/db/provide-database";
import { describeDatabase } from "@/lib/db/describe-database";

async function main(): Promise<number> {
  const database = await provideDatabase();
  try {
    const result = await migrate(database.url, { log: console.log });
    console.log(
      result.applied.length
        ? `Applied ${result.applied.length} migration(s) to ${describeDatabase(database.url)}.`
        : `Database ${describeDatabase(database.url)} is up to date (${result.alreadyApplied} migration(s)).`,
    );
    return 0;
  } catch (error) {
    console.error(`db:migrate failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database.release();
  }
}

process.exit(await main());
