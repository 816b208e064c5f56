import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { lots } from "@/db/schema";
import { systemActor } from "@/server/domain/actor";
import { uniqueCurrency } from "@/server/domain/network/test-fixtures";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { activatePassPlan } from "@/server/domain/pass-plans/states";
import { printedGiftInput } from "@/server/domain/pass-plans/test-fixtures";
import { queues } from "@/server/jobs/queues";
import { contextAs, testDatabase, unique } from "@/test/db";
import { inlineSealer } from "./crypto-pool";
import { generateLot } from "./generate";
import { createLot } from "./commands";
import { planRow } from "./test-fixtures";

const { db } = testDatabase();

describe("a printed plan's activation", () => {
  it("queues its first lot, which generates and locks the plan", async () => {
    const ctx = await contextAs("marketing");
    const currency = (await uniqueCurrency(await contextAs("admin"))).code;
    const plan = await createPassPlan(ctx, printedGiftInput(currency, { name: unique("gift"), quantity: 30, maxPasses: 50 }));
    await activatePassPlan(ctx, { id: plan.id });
    const [lot] = await db.select().from(lots).where(eq(lots.planId, plan.id));
    expect(lot).toMatchObject({ number: 1, generationState: "PENDING", quantity: 30 });
    const jobs = rowsOf(await db.execute(sql`select id from pgboss.job where name = ${queues.generateLot} and singleton_key = ${lot!.id}`));
    expect(jobs).toHaveLength(1);

    await generateLot({ db, actor: systemActor("lot generation") }, { lotId: lot!.id, sealer: inlineSealer });
    expect((await planRow(ctx, plan.id)).issuedCount).toBe(30);
    expect(await createLot(ctx, { planId: plan.id, quantity: 20 })).toMatchObject({ number: 2 });
  });
});
