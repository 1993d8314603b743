import { describe, expect, it } from "vitest";
import { describeDatabase } from "@/lib/db/describe-database";

describe("describeDatabase", () => {
  it("shows host, port and database but never the credentials", () => {
    const text = describeDatabase("postgresql://admin:hunter2@db.internal:6543/plugipay?sslmode=require");
    expect(text).toBe("db.internal:6543/plugipay");
    expect(describeDatabase("postgresql://u:p@127.0.0.1/x")).toBe("127.0.0.1:5432/x");
    expect(describeDatabase("not a url")).toBe("(unparseable DATABASE_URL)");
  });
});
