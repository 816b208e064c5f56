import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { contextAs, testDatabase, unique } from "@/test/db";
import { listAuditEntries } from "./list";
import { recordAudit, redactSecrets } from "./record";

testDatabase();

describe("audit log", () => {
  it("records who did what, with secrets redacted at any depth", async () => {
    const ctx = await contextAs("admin");
    const entityType = unique("thing");
    await recordAudit(
      { ...ctx, origin: { ip: "203.0.113.7", userAgent: "vitest" } },
      { action: "thing.changed", entityType, after: { name: "n", nested: { passwordHash: "x", pin: "1234" } } },
    );
    const [row] = await ctx.db.select().from(auditLog).where(eq(auditLog.entityType, entityType));
    expect(row).toMatchObject({
      actorType: "user",
      actorId: ctx.actor.id,
      actorLabel: ctx.actor.label,
      ip: "203.0.113.7",
      after: { name: "n", nested: { passwordHash: "[redacted]", pin: "[redacted]" } },
    });
  });

  it("filters by actor, entity and date window", async () => {
    const ctx = await contextAs("admin");
    const entityType = unique("filter");
    await recordAudit(ctx, { action: "a.one", entityType });
    await recordAudit(ctx, { action: "a.two", entityType });
    const page = await listAuditEntries(ctx, { page: 0, pageSize: 10, entityType, actor: ctx.actor.label });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.action).sort()).toEqual(["a.one", "a.two"]);
    const future = await listAuditEntries(ctx, { page: 0, pageSize: 10, entityType, from: new Date(Date.now() + 60_000) });
    expect(future.total).toBe(0);
    const rows = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, entityType)));
    expect(rows).toHaveLength(2);
  });

  it("redacts arrays of objects", () => {
    expect(redactSecrets([{ code: "ABC", label: "x" }])).toEqual([{ code: "[redacted]", label: "x" }]);
  });
});
