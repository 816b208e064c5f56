/** A credit lot as allocation sees it. */
export interface AllocatableLot {
  id: string;
  accountId: string;
  remainingMinor: number;
  expiresAt: Date | null;
  productSkus: readonly string[];
  productFamilyIds: readonly string[];
}

/** One line of the basket funds are consumed on: its product and the amount still to pay. */
export interface BasketLine {
  sku?: string | null;
  familyId?: string | null;
  amountMinor: number;
}

export interface Allocation {
  lotId: string;
  accountId: string;
  amountMinor: number;
}

const hasConditions = (lot: AllocatableLot) => lot.productSkus.length > 0 || lot.productFamilyIds.length > 0;

const matches = (lot: AllocatableLot, line: BasketLine) =>
  !hasConditions(lot) ||
  (!!line.sku && lot.productSkus.includes(line.sku)) ||
  (!!line.familyId && lot.productFamilyIds.includes(line.familyId));

/** Soonest-expiring first; lots that never expire last; ties by id (creation order). */
export function consumptionOrder(a: AllocatableLot, b: AllocatableLot): number {
  const ae = a.expiresAt?.getTime() ?? Infinity;
  const be = b.expiresAt?.getTime() ?? Infinity;
  if (ae !== be) return ae < be ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Decides which lots pay `amountMinor` (D3): soonest-expiring first, each lot only on the basket
 * lines its product conditions allow (without a basket, lots with conditions cannot pay).
 * Returns at most `amountMinor` in total; less when the lots cannot cover it.
 */
export function allocateLots(lots: readonly AllocatableLot[], amountMinor: number, basket?: readonly BasketLine[]): Allocation[] {
  const lines = basket?.map((line) => ({ ...line, open: line.amountMinor }));
  let need = amountMinor;
  const allocations: Allocation[] = [];
  for (const lot of [...lots].sort(consumptionOrder)) {
    if (need <= 0) break;
    if (lot.remainingMinor <= 0) continue;
    if (!lines && hasConditions(lot)) continue;
    const eligible = lines?.filter((line) => line.open > 0 && matches(lot, line));
    const capacity = eligible ? eligible.reduce((sum, line) => sum + line.open, 0) : Infinity;
    const take = Math.min(lot.remainingMinor, need, capacity);
    if (take <= 0) continue;
    let left = take;
    for (const line of eligible ?? []) {
      const part = Math.min(line.open, left);
      line.open -= part;
      left -= part;
    }
    need -= take;
    allocations.push({ lotId: lot.id, accountId: lot.accountId, amountMinor: take });
  }
  return allocations;
}
