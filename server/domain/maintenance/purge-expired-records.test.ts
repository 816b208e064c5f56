import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { idempotencyKeys } from "@/db/schema";
import { createApiKey } from "@/server/domain/api-keys/service";
import { contextAs, testDatabase, unique } from "@/test/db";
import { purgeExpiredRecords } from "./purge-expired-records";

testDatabase();

describe("the daily purge", () => {
  it("deletes idempotency records older than 24 hours and keeps newer ones", async () => {
    const ctx = await contextAs("admin");
    const { apiKey } = await createApiKey(ctx, { name: unique("key"), scopes: ["contacts:write"] });
    const row = { apiKeyId: apiKey.id, method: "post", path: "/x", requestHash: "h", statusCode: 200, responseBody: {} };
    await ctx.db.insert(idempotencyKeys).values([
      { ...row, key: "old", createdAt: new Date(Date.now() - 25 * 3600_000) },
      { ...row, key: "new", createdAt: new Date(Date.now() - 23 * 3600_000) },
    ]);
    const purged = await purgeExpiredRecords(ctx);
    expect(purged.idempotencyKeys).toBeGreaterThanOrEqual(1);
    const left = await ctx.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.apiKeyId, apiKey.id));
    expect(left.map((r) => r.key)).toEqual(["new"]);
  });
});
