import { describe, expect, it } from "vitest";
import { systemActor } from "@/server/domain/actor";
import { inlineSealer } from "@/server/domain/passes/lots/crypto-pool";
import { generateLot } from "@/server/domain/passes/lots/generate";
import { activePrintedPlan } from "@/server/domain/passes/lots/test-fixtures";
import { runLotAction } from "@/server/domain/passes/lots/whole-lot-actions";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase } from "@/test/db";
import { createCaller } from "./root";

const { db } = testDatabase();
const worker = { db, actor: systemActor("whole-lot action") };

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} });
}

async function generatedLot() {
  const ctx = await contextAs("marketing");
  const fixture = await activePrintedPlan(ctx, { quantity: 4 });
  await generateLot({ db, actor: systemActor("lot generation") }, { lotId: fixture.lot.id, sealer: inlineSealer });
  return fixture;
}

describe("lots on tRPC", () => {
  it("lets marketing generate another lot, and start the activation and cancellation of a lot", async () => {
    const { plan, lot } = await generatedLot();
    const marketing = await callerAs("marketing");
    expect(await marketing.lots.create({ planId: plan.id, quantity: 2 })).toMatchObject({ number: 2, generationState: "PENDING" });
    expect(await marketing.lots.activateAll({ lotId: lot.id })).toMatchObject({ action: "ACTIVATE", actionState: "PENDING", actionTotal: 4 });
    await runLotAction(worker, { lotId: lot.id });
    expect((await marketing.lots.byId({ lotId: lot.id })).stateCounts.ACTIVE).toBe(4);
    expect(await marketing.lots.cancelAll({ lotId: lot.id })).toMatchObject({ action: "CANCEL", actionState: "PENDING", actionTotal: 4 });
    await runLotAction(worker, { lotId: lot.id });
    expect((await marketing.lots.byId({ lotId: lot.id })).stateCounts.CANCELLED).toBe(4);
  });

  it("lets every role read lots and their passes, but only passPlans.manage act on them", async () => {
    const { plan, lot } = await generatedLot();
    for (const role of ["support", "finance"] as const) {
      const caller = await callerAs(role);
      expect((await caller.lots.list({ planId: plan.id })).map((l) => l.id)).toEqual([lot.id]);
      expect((await caller.lots.passes({ lotId: lot.id, limit: 2 })).rows).toHaveLength(2);
      await expect(caller.lots.activateAll({ lotId: lot.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.lots.cancelAll({ lotId: lot.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.lots.create({ planId: plan.id, quantity: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("maps refusals to their codes with the domain code attached", async () => {
    const { lot } = await generatedLot();
    const marketing = await callerAs("marketing");
    await marketing.lots.activateAll({ lotId: lot.id });
    await expect(marketing.lots.activateAll({ lotId: lot.id })).rejects.toMatchObject({ code: "CONFLICT", message: "Wait until the lot's activation has finished." });
    await runLotAction(worker, { lotId: lot.id });
    await expect(marketing.lots.activateAll({ lotId: lot.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This lot has no passes in draft to activate." });
  });

  it("keeps the printing-house URL to admins", async () => {
    const admin = await callerAs("admin");
    await admin.lots.updatePrintingHouse({ url: "https://print.example.com/hooks" });
    expect(await admin.lots.printingHouse()).toEqual({ url: "https://print.example.com/hooks" });
    await expect((await callerAs("marketing")).lots.printingHouse()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
