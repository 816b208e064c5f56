import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateLots, consumptionOrder, type AllocatableLot, type BasketLine } from "./allocate";

const skus = ["SKU-A", "SKU-B", "SKU-C"];
const families = ["fam-1", "fam-2"];

const lotArb = fc.record({
  id: fc.uuid(),
  accountId: fc.constantFrom("pocket-1", "pocket-2"),
  remainingMinor: fc.integer({ min: 0, max: 5_000 }),
  expiresAt: fc.option(fc.date({ min: new Date("2027-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }), { nil: null }),
  productSkus: fc.subarray(skus),
  productFamilyIds: fc.subarray(families),
});
const lineArb = fc.record({
  sku: fc.option(fc.constantFrom(...skus), { nil: null }),
  familyId: fc.option(fc.constantFrom(...families), { nil: null }),
  amountMinor: fc.integer({ min: 0, max: 5_000 }),
});

const lot = (id: string, remainingMinor: number, expiresAt: string | null, conditions: Partial<AllocatableLot> = {}): AllocatableLot => ({
  id,
  accountId: "pocket",
  remainingMinor,
  expiresAt: expiresAt ? new Date(expiresAt) : null,
  productSkus: [],
  productFamilyIds: [],
  ...conditions,
});

describe("allocateLots", () => {
  it("takes soonest-expiring lots first and never-expiring ones last", () => {
    const lots = [lot("a", 500, null), lot("b", 300, "2028-01-01"), lot("c", 300, "2027-06-01")];
    expect(allocateLots(lots, 700)).toEqual([
      { lotId: "c", accountId: "pocket", amountMinor: 300 },
      { lotId: "b", accountId: "pocket", amountMinor: 300 },
      { lotId: "a", accountId: "pocket", amountMinor: 100 },
    ]);
  });

  it("uses a lot with product conditions only on the basket lines it allows", () => {
    const lots = [lot("shoes", 1000, "2027-01-01", { productFamilyIds: ["fam-1"] }), lot("any", 1000, null)];
    const basket: BasketLine[] = [
      { sku: "SKU-A", familyId: "fam-1", amountMinor: 400 },
      { sku: "SKU-B", familyId: "fam-2", amountMinor: 600 },
    ];
    expect(allocateLots(lots, 1000, basket)).toEqual([
      { lotId: "shoes", accountId: "pocket", amountMinor: 400 },
      { lotId: "any", accountId: "pocket", amountMinor: 600 },
    ]);
    expect(allocateLots(lots, 1000)).toEqual([{ lotId: "any", accountId: "pocket", amountMinor: 1000 }]);
  });

  it("never takes more than asked, than a lot holds, or than the basket's eligible lines", () => {
    fc.assert(
      fc.property(fc.array(lotArb, { maxLength: 8 }), fc.integer({ min: 0, max: 20_000 }), fc.option(fc.array(lineArb, { maxLength: 5 }), { nil: undefined }), (lots, amount, basket) => {
        const unique = [...new Map(lots.map((l) => [l.id, l])).values()];
        const allocations = allocateLots(unique, amount, basket);
        const taken = allocations.reduce((sum, a) => sum + a.amountMinor, 0);
        expect(taken).toBeLessThanOrEqual(amount);
        if (basket) expect(taken).toBeLessThanOrEqual(basket.reduce((sum, l) => sum + l.amountMinor, 0));
        for (const a of allocations) {
          const source = unique.find((l) => l.id === a.lotId)!;
          expect(a.amountMinor).toBeGreaterThan(0);
          expect(a.amountMinor).toBeLessThanOrEqual(source.remainingMinor);
          const conditional = source.productSkus.length + source.productFamilyIds.length > 0;
          if (conditional) {
            expect(basket).toBeDefined();
            const eligible = basket!.filter((l) => (l.sku && source.productSkus.includes(l.sku)) || (l.familyId && source.productFamilyIds.includes(l.familyId)));
            expect(a.amountMinor).toBeLessThanOrEqual(eligible.reduce((sum, l) => sum + l.amountMinor, 0));
          }
        }
        // Lots are taken in consumption order.
        const order = allocations.map((a) => unique.find((l) => l.id === a.lotId)!);
        expect([...order].sort(consumptionOrder)).toEqual(order);
        // Without a basket, unconditional lots pay all they can.
        if (!basket) {
          const free = unique.filter((l) => l.productSkus.length + l.productFamilyIds.length === 0).reduce((sum, l) => sum + l.remainingMinor, 0);
          expect(taken).toBe(Math.min(amount, free));
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
