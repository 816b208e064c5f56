import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { passes, passRedemptions } from "@/db/schema";
import { contextAs, testDatabase } from "@/test/db";
import { createContact } from "../../contacts/create";
import { uniqueEmail } from "../../contacts/test-fixtures";
import { DomainError } from "../../errors";
import { testPass, testPlan } from "../test-fixtures";
import { redeemPass } from "./redeem";

testDatabase();
/** A pool of its own so the 50 redemptions really run on parallel connections of the server. */
const pool = createDatabase({ url: process.env.DATABASE_URL, max: 20 });
afterAll(() => pool.close());

describe("parallel redemptions on the real server", () => {
  it("50 parallel redemptions of one single-use code consume it once", async () => {
    const ctx = await contextAs("support");
    const { pass, code } = await testPass(ctx, await testPlan(ctx));
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => redeemPass({ ...ctx, db: pool.db }, { code, terminalId: "T-race" })),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const err of lost) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe("PASS_NOT_ACTIVE");
    }
    const [after] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(after).toMatchObject({ state: "REDEEMED", usesCount: 1, remainingValueMinor: 0 });
    expect(await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.passId, pass.id))).toHaveLength(1);
  });

  it("a promotion code with 5 uses is used exactly 5 times by 30 parallel contacts", async () => {
    const ctx = await contextAs("support");
    const { pass, code } = await testPass(ctx, await testPlan(ctx, { type: "PROMOTION", usage: "MULTIPLE", maxUses: 5 }));
    const contacts = await Promise.all(Array.from({ length: 30 }, () => createContact(ctx, { email: uniqueEmail() })));
    const results = await Promise.allSettled(contacts.map((c) => redeemPass({ ...ctx, db: pool.db }, { code, contactId: c.id })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const [after] = await ctx.db.select().from(passes).where(eq(passes.id, pass.id));
    expect(after).toMatchObject({ state: "REDEEMED", usesCount: 5 });
    expect(await ctx.db.select().from(passRedemptions).where(eq(passRedemptions.passId, pass.id))).toHaveLength(5);
  });
});
