import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, lots, passes, rewardOffers } from "@/db/schema";
import { contextAs, testDatabase, unique } from "@/test/db";
import type { DomainContext } from "../context";
import { newId } from "../ids";
import { setCurrencyArchived } from "../network/currencies";
import { createCustomField } from "../network/custom-fields";
import { fieldOf, refusal, rolledBack, trailOf, uniqueCurrency } from "../network/test-fixtures";
import { hashCode } from "../passes/codes/secrecy";
import { copyPassPlan } from "./copy";
import { createPassPlan } from "./create";
import { getPassPlan, listPassPlans } from "./read/list";
import type { CreatePassPlanFormValues } from "./schemas";
import { activatePassPlan, deactivatePassPlan } from "./states";
import { electronicTopUpInput, printedGiftInput, promotionInput } from "./test-fixtures";
import { updatePassPlan } from "./update";

testDatabase();

let ctx: DomainContext;
let currency: string;
beforeAll(async () => {
  ctx = await contextAs("marketing");
  currency = (await uniqueCurrency(await contextAs("admin"))).code;
});

const printedGift = (name = unique("gift")) => createPassPlan(ctx, printedGiftInput(currency, { name }));

describe("creating a pass plan", () => {
  it("stores a DRAFT plan with its settings, audited and announced", async () => {
    const plan = await createPassPlan(ctx, electronicTopUpInput(currency, { name: unique("topup"), description: "Online top-ups" }));
    expect(plan).toMatchObject({ state: "DRAFT", type: "TOP_UP", currency, valueMode: "VARIABLE", minValueMinor: 1000, maxValueMinor: 10000, issuedCount: 0, createdBy: ctx.actor.id });
    const trail = await trailOf(ctx, "pass_plan", plan.id);
    expect(trail.actions).toEqual(["pass_plan.created"]);
    expect(trail.eventTypes).toEqual(["pass_plan.created"]);
  });

  it("refuses a currency the network lacks or has archived", async () => {
    expect(fieldOf(await refusal(createPassPlan(ctx, printedGiftInput("QQQ"))))).toEqual(["currency"]);
    const admin = await contextAs("admin");
    const archived = await uniqueCurrency(admin);
    await setCurrencyArchived(admin, { code: archived.code }, true);
    const err = await refusal(createPassPlan(ctx, printedGiftInput(archived.code)));
    expect(err.message).toBe(`The currency ${archived.code} is archived.`);
  });

  it("refuses an unknown commerce pool, SKU, product family or reward offer, naming the field", async () => {
    const missing = newId();
    const cases: [Partial<CreatePassPlanFormValues>, string][] = [
      [{ commercePoolId: missing }, "commercePoolId"],
      [{ productSkus: [unique("SKU")] }, "productSkus"],
      [{ productFamilyIds: [missing] }, "productFamilyIds"],
    ];
    for (const [overrides, field] of cases) {
      expect(fieldOf(await refusal(createPassPlan(ctx, printedGiftInput(currency, overrides))))).toEqual([field]);
    }
    expect(fieldOf(await refusal(createPassPlan(ctx, promotionInput({ linkedRewardOfferId: missing }))))).toEqual(["linkedRewardOfferId"]);
  });

  it("links an existing reward offer to a promotion plan", async () => {
    const offerId = newId();
    await ctx.db.insert(rewardOffers).values({ id: offerId, name: unique("offer") });
    const plan = await createPassPlan(ctx, promotionInput({ linkedRewardOfferId: offerId }));
    expect(plan.linkedRewardOfferId).toBe(offerId);
  });

  it("checks custom field values against the pass plan definitions", async () => {
    await rolledBack(await contextAs("admin"), async (admin) => {
      await createCustomField(admin, { entity: "pass_plan", key: "campaign", label: "Campaign", type: "select", options: ["Spring", "Autumn"], required: true });
      await createCustomField(admin, { entity: "pass_plan", key: "budget", label: "Budget", type: "number", options: [], required: false });
      const tx = { ...ctx, db: admin.db };
      const create = (customFields: Record<string, unknown>) => createPassPlan(tx, printedGiftInput(currency, { customFields }));
      expect(fieldOf(await refusal(create({})))).toEqual(["customFields.campaign"]);
      expect(fieldOf(await refusal(create({ campaign: "Winter" })))).toEqual(["customFields.campaign"]);
      expect(fieldOf(await refusal(create({ campaign: "Spring", budget: "lots" })))).toEqual(["customFields.budget"]);
      expect(fieldOf(await refusal(create({ campaign: "Spring", colour: "red" })))).toEqual(["customFields.colour"]);
      expect((await create({ campaign: "Spring", budget: 1200, extra: undefined })).customFields).toEqual({ campaign: "Spring", budget: 1200 });
    });
  });

  it("refuses a format too small for maxPasses with CODE_SPACE_TOO_SMALL", async () => {
    const err = await refusal(createPassPlan(ctx, printedGiftInput(currency, { passcodeFormat: { charset: "NUMERIC", length: 8 } })));
    expect(err.code).toBe("CODE_SPACE_TOO_SMALL");
    expect(fieldOf(err)).toEqual(["passcodeFormat.length"]);
  });
});

describe("plan states", () => {
  it("activates a printed plan once: the first lot is queued PENDING with the plan's quantity, in the same transaction as the event", async () => {
    const plan = await printedGift();
    const active = await activatePassPlan(ctx, { id: plan.id });
    expect(active.state).toBe("ACTIVE");
    const planLots = await ctx.db.select().from(lots).where(eq(lots.planId, plan.id));
    expect(planLots).toEqual([expect.objectContaining({ kind: "PRINTED", number: 1, quantity: 1000, generationState: "PENDING", generatedCount: 0 })]);
    const trail = await trailOf(ctx, "pass_plan", plan.id);
    expect(trail.eventTypes).toEqual(["pass_plan.created", "pass_plan.activated"]);
    expect(trail.events[1]!.payload).toMatchObject({ planId: plan.id, reactivated: false, firstLot: { id: planLots[0]!.id, number: 1, quantity: 1000 } });

    await deactivatePassPlan(ctx, { id: plan.id });
    const again = await activatePassPlan(ctx, { id: plan.id });
    expect(again.state).toBe("ACTIVE");
    expect(await ctx.db.select().from(lots).where(eq(lots.planId, plan.id))).toHaveLength(1);
    expect((await trailOf(ctx, "pass_plan", plan.id)).actions).toEqual(["pass_plan.created", "pass_plan.activated", "pass_plan.deactivated", "pass_plan.activated"]);
  });

  it("activates an electronic plan without a lot", async () => {
    const plan = await createPassPlan(ctx, electronicTopUpInput(currency));
    await activatePassPlan(ctx, { id: plan.id });
    expect(await ctx.db.select().from(lots).where(eq(lots.planId, plan.id))).toEqual([]);
  });

  it("refuses DRAFT → INACTIVE, ACTIVE → ACTIVE and INACTIVE → INACTIVE", async () => {
    const plan = await createPassPlan(ctx, electronicTopUpInput(currency));
    expect((await refusal(deactivatePassPlan(ctx, { id: plan.id }))).code).toBe("INVALID_STATE");
    await activatePassPlan(ctx, { id: plan.id });
    const twice = await refusal(activatePassPlan(ctx, { id: plan.id }));
    expect(twice).toMatchObject({ code: "INVALID_STATE", message: "The plan is already active." });
    await deactivatePassPlan(ctx, { id: plan.id });
    expect((await refusal(deactivatePassPlan(ctx, { id: plan.id }))).message).toBe("The plan is already inactive.");
    expect((await refusal(activatePassPlan(ctx, { id: newId() }))).code).toBe("NOT_FOUND");
  });

  it("re-checks a draft's settings on activation: a date that has passed is refused", async () => {
    const plan = await createPassPlan(ctx, promotionInput());
    await ctx.db.execute(`update pass_plans set pass_valid_until = now() - interval '1 day' where id = '${plan.id}'`);
    expect(fieldOf(await refusal(activatePassPlan(ctx, { id: plan.id })))).toEqual(["passValidUntil"]);
  });
});

describe("single universal promotion code", () => {
  const single = (overrides = {}) => promotionInput({ promotionCodeMode: "SINGLE", maxPasses: 1, communicationTemplate: null, passcodeFormat: { charset: "ALPHANUMERIC", length: 6, prefix: "" }, ...overrides });

  it("stores the code only hashed and encrypted, as the plan's one pass, activated with the plan", async () => {
    const code = unique("").slice(-6).toUpperCase().replace(/[01IO]/g, "Z");
    const plan = await createPassPlan(ctx, { ...single(), universalCode: code.toLowerCase() });
    const [pass] = await ctx.db.select().from(passes).where(eq(passes.planId, plan.id));
    expect(pass).toMatchObject({ state: "DRAFT", codeHash: hashCode(code), currency: null });
    expect(JSON.stringify(pass)).not.toContain(code);
    expect((await getPassPlan(ctx, { id: plan.id })).universalCodeMask).toBe(pass!.codeMask);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, plan.id));
    expect(JSON.stringify(audit)).not.toContain(code);

    const active = await activatePassPlan(ctx, { id: plan.id });
    expect(active.issuedCount).toBe(1);
    expect((await ctx.db.select().from(passes).where(eq(passes.planId, plan.id)))[0]).toMatchObject({ state: "ACTIVE" });
    expect((await getPassPlan(ctx, { id: plan.id })).locked).toBe(true);

    const taken = await refusal(createPassPlan(ctx, { ...single(), universalCode: code }));
    expect(taken.message).toBe("This code is already in use: choose another one.");
  });

  it("refuses a code outside the format, a code on other plans, and activation without a code", async () => {
    expect(fieldOf(await refusal(createPassPlan(ctx, { ...single(), universalCode: "SHORT" })))).toEqual(["universalCode"]);
    expect(fieldOf(await refusal(createPassPlan(ctx, { ...promotionInput(), universalCode: "ABCDEFGH" })))).toEqual(["universalCode"]);
    const plan = await createPassPlan(ctx, single());
    expect(fieldOf(await refusal(activatePassPlan(ctx, { id: plan.id })))).toEqual(["universalCode"]);
  });

  it("drops the draft's code when the plan switches to unique codes", async () => {
    const plan = await createPassPlan(ctx, { ...single(), universalCode: "HJK" + unique("").slice(-3).replace(/[01IO]/g, "Z").toUpperCase() });
    await updatePassPlan(ctx, { id: plan.id, promotionCodeMode: "UNIQUE", maxPasses: 50, passcodeFormat: { charset: "ALPHANUMERIC", length: 8, prefix: "", suffix: "", checkCharacter: false }, communicationTemplate: { channels: ["SMS"], smsBody: "{{code}}" } });
    expect(await ctx.db.select().from(passes).where(and(eq(passes.planId, plan.id)))).toEqual([]);
  });
});

describe("updating and locking", () => {
  it("changes a draft's settings, re-validating the merged plan, and audits before/after", async () => {
    const plan = await printedGift();
    const updated = await updatePassPlan(ctx, { id: plan.id, quantity: 500, maxPasses: 800 });
    expect(updated).toMatchObject({ quantity: 500, maxPasses: 800, fixedValueMinor: 2500 });
    expect(fieldOf(await refusal(updatePassPlan(ctx, { id: plan.id, quantity: 900 })))).toEqual(["maxPasses"]);
    expect(fieldOf(await refusal(updatePassPlan(ctx, { id: plan.id, type: "PROMOTION" })))).toEqual(["distribution"]);
    const [audit] = await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityId, plan.id), eq(auditLog.action, "pass_plan.updated")));
    expect(audit).toMatchObject({ before: expect.objectContaining({ quantity: 1000 }), after: expect.objectContaining({ quantity: 500 }) });
  });

  it("locks a plan with passes: name, description and state change, any other field is refused by name", async () => {
    const plan = await printedGift();
    await activatePassPlan(ctx, { id: plan.id });
    expect((await getPassPlan(ctx, { id: plan.id })).locked).toBe(true);
    const renamed = await updatePassPlan(ctx, { id: plan.id, name: `${plan.name} (2025)`, description: "Winter run" });
    expect(renamed).toMatchObject({ name: `${plan.name} (2025)`, description: "Winter run" });
    // An unchanged value sent back by a form is not a change.
    await expect(updatePassPlan(ctx, { id: plan.id, fixedValueMinor: 2500, passcodeFormat: { ...plan.passcodeFormat } })).resolves.toBeTruthy();
    const err = await refusal(updatePassPlan(ctx, { id: plan.id, fixedValueMinor: 3000 }));
    expect(err).toMatchObject({ code: "PLAN_LOCKED", message: "This plan has passes: only its name, description and state can change." });
    expect(fieldOf(err)).toEqual(["fixedValueMinor"]);
    await expect(deactivatePassPlan(ctx, { id: plan.id })).resolves.toMatchObject({ state: "INACTIVE" });
  });

  it("locks an electronic plan once a pass was issued", async () => {
    const plan = await createPassPlan(ctx, electronicTopUpInput(currency));
    await ctx.db.execute(`update pass_plans set issued_count = 1 where id = '${plan.id}'`);
    expect(fieldOf(await refusal(updatePassPlan(ctx, { id: plan.id, maxUses: 3, usage: "MULTIPLE" })))).toEqual(["maxUses"]);
  });
});

describe("copying", () => {
  it("copies any plan into a new DRAFT named 'Copy of …' with the same settings", async () => {
    const plan = await printedGift();
    await activatePassPlan(ctx, { id: plan.id });
    const copy = await copyPassPlan(ctx, { id: plan.id });
    expect(copy).toMatchObject({ name: `Copy of ${plan.name}`, state: "DRAFT", issuedCount: 0, copiedFromId: plan.id, quantity: 1000, fixedValueMinor: 2500, passcodeFormat: plan.passcodeFormat });
    expect(copy.id).not.toBe(plan.id);
    expect((await getPassPlan(ctx, { id: copy.id })).locked).toBe(false);
    expect((await trailOf(ctx, "pass_plan", copy.id)).actions).toEqual(["pass_plan.copied"]);
    await expect(updatePassPlan(ctx, { id: copy.id, quantity: 10 })).resolves.toMatchObject({ quantity: 10 });
  });
});

describe("listing", () => {
  it("filters by type and state and searches names", async () => {
    const tag = unique("list");
    const gift = await createPassPlan(ctx, printedGiftInput(currency, { name: `${tag} gift` }));
    await createPassPlan(ctx, electronicTopUpInput(currency, { name: `${tag} topup` }));
    await activatePassPlan(ctx, { id: gift.id });
    const all = await listPassPlans(ctx, { search: tag, page: 0, pageSize: 10, sortDir: "asc" });
    expect(all.total).toBe(2);
    const gifts = await listPassPlans(ctx, { search: tag, type: "GIFT", page: 0, pageSize: 10, sortDir: "asc" });
    expect(gifts.rows).toEqual([expect.objectContaining({ id: gift.id, state: "ACTIVE", currencyMinorUnits: 2 })]);
    const drafts = await listPassPlans(ctx, { search: tag, state: "DRAFT", page: 0, pageSize: 10, sortDir: "asc" });
    expect(drafts.rows.map((r) => r.type)).toEqual(["TOP_UP"]);
  });
});
