import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: { ip: "198.51.100.3" } }) };
}

const list = { page: 0, pageSize: 5 };

describe("business network on tRPC", () => {
  it("lets an admin build a merchant, venue and terminal, then archive them in order", async () => {
    const { caller } = await callerAs("admin");
    const merchant = await caller.network.organisations.create({ kind: "merchant", name: unique("Merchant ") });
    const venue = await caller.network.organisations.create({ kind: "venue", name: "Main Street", parentId: merchant.id });
    const terminalId = unique("T-");
    await caller.network.terminals.add({ organisationId: venue.id, terminalId });

    const found = await caller.network.organisations.merchants({ ...list, search: terminalId });
    expect(found.rows).toMatchObject([{ id: merchant.id, venues: [{ id: venue.id, terminals: [{ terminalId }] }] }]);

    await expect(caller.network.organisations.archive({ id: merchant.id })).rejects.toMatchObject({ code: "UNPROCESSABLE_CONTENT" });
    await caller.network.organisations.archive({ id: venue.id });
    await expect(caller.network.organisations.archive({ id: merchant.id })).resolves.toMatchObject({ archivedAt: expect.any(Date) });
  });

  it("passes a schema refusal to forms as zod field errors", async () => {
    const { caller } = await callerAs("admin");
    const error = await caller.network.organisations.create({ kind: "venue", name: "Orphan" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_REQUEST" });
    expect(JSON.stringify(error)).toContain("Choose the merchant this venue belongs to.");
  });

  it("lets an admin manage products, families, pools, currencies, rates and custom fields", async () => {
    const { caller } = await callerAs("admin");
    const family = await caller.network.productFamilies.create({ name: unique("Coffee ") });
    const product = await caller.network.products.create({ sku: unique("SKU-"), name: "Latte", familyId: family.id });
    expect((await caller.network.products.byId({ id: product.id })).familyName).toBe(family.name);
    const merchant = await caller.network.organisations.create({ kind: "merchant", name: unique("Pool merchant ") });
    const pool = await caller.network.commercePools.create({ name: unique("Pool "), organisationIds: [merchant.id], familyIds: [family.id] });
    expect(pool).toMatchObject({ organisations: [{ id: merchant.id }], families: [{ id: family.id }] });
    await caller.network.commercePools.archive({ id: pool.id });

    const currencies = await caller.network.currencies.list({ ...list, pageSize: 200, includeArchived: true });
    const taken = new Set(currencies.rows.map((c) => c.code));
    const [base, quote] = ["QQA", "QQB", "QQC", "QQD", "QQE", "QQF"].filter((c) => !taken.has(c));
    await caller.network.currencies.create({ code: base!, name: "Base", minorUnits: 2, isBusinessCurrency: false });
    await caller.network.currencies.create({ code: quote!, name: "Quote", minorUnits: 2, isBusinessCurrency: false });
    const rate = await caller.network.exchangeRates.create({ base: base!, quote: quote!, rate: "1.0845", validFrom: new Date() });
    expect(rate.rate).toBe("1.0845");
    await caller.network.exchangeRates.archive({ id: rate.id });
    await caller.network.currencies.archive({ code: quote! });

    const field = await caller.network.customFields.create({ entity: "contact", key: unique("f_"), label: "Shirt size", type: "select", options: ["S", "M"], required: false });
    await expect(caller.network.customFields.update({ id: field.id, label: "Size" })).resolves.toMatchObject({ label: "Size" });
    await expect(caller.network.customFields.archive({ id: field.id })).resolves.toMatchObject({ archivedAt: expect.any(Date) });
  });

  it.each<Role>(["marketing", "finance", "support"])("lets %s read the network", async (role) => {
    const { caller } = await callerAs(role);
    await expect(caller.network.organisations.merchants(list)).resolves.toHaveProperty("total");
    await expect(caller.network.organisations.list(list)).resolves.toHaveProperty("total");
    await expect(caller.network.products.list(list)).resolves.toHaveProperty("total");
    await expect(caller.network.productFamilies.list(list)).resolves.toHaveProperty("total");
    await expect(caller.network.commercePools.list(list)).resolves.toHaveProperty("total");
    await expect(caller.network.currencies.list(list)).resolves.toHaveProperty("total");
    await expect(caller.network.exchangeRates.list(list)).resolves.toHaveProperty("total");
    await expect(caller.network.customFields.list(list)).resolves.toHaveProperty("total");
  });

  it.each<Role>(["marketing", "finance", "support"])("refuses %s every network write, and audits the refusals", async (role) => {
    const { ctx, caller } = await callerAs(role);
    const id = "01900000-0000-7000-8000-000000000000";
    const forbidden = { code: "FORBIDDEN" };
    await expect(caller.network.organisations.create({ kind: "merchant", name: "Nope" })).rejects.toMatchObject(forbidden);
    await expect(caller.network.organisations.archive({ id })).rejects.toMatchObject(forbidden);
    await expect(caller.network.terminals.add({ organisationId: id, terminalId: "T1" })).rejects.toMatchObject(forbidden);
    await expect(caller.network.products.create({ sku: "X", name: "X" })).rejects.toMatchObject(forbidden);
    await expect(caller.network.productFamilies.update({ id, name: "X" })).rejects.toMatchObject(forbidden);
    await expect(caller.network.commercePools.archive({ id })).rejects.toMatchObject(forbidden);
    await expect(caller.network.currencies.create({ code: "QQZ", name: "X", minorUnits: 2, isBusinessCurrency: false })).rejects.toMatchObject(forbidden);
    await expect(caller.network.exchangeRates.archive({ id })).rejects.toMatchObject(forbidden);
    await expect(caller.network.customFields.create({ entity: "pass", key: "x", label: "X", type: "text", options: [], required: false })).rejects.toMatchObject(forbidden);

    const refusals = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorId, ctx.actor.id), eq(auditLog.action, "access.forbidden")));
    expect(refusals.map((r) => (r.after as { capability: string }).capability).sort()).toEqual([
      "customFields.manage",
      ...Array<string>(8).fill("network.manage"),
    ]);
  });

  it("answers UNAUTHORIZED without a session", async () => {
    const { ctx } = await callerAs("admin");
    const anonymous = createCaller({ db: ctx.db, actor: null, origin: {} });
    await expect(anonymous.network.organisations.list(list)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
