import { inTransaction, type DomainContext } from "../../context";
import { assertPassState, lockPass, recordPassChange, passSnapshot, updatePass, type PassView } from "./pass-row";
import type { CancelPassInput } from "./schemas";

/** DRAFT|ACTIVE → CANCELLED (D5); a cancelled pass never redeems again. */
export function cancelPass(ctx: DomainContext, input: CancelPassInput): Promise<PassView> {
  return inTransaction(ctx, async (tx) => {
    const { pass } = await lockPass(tx, input.passId);
    assertPassState(pass, ["DRAFT", "ACTIVE"], "cancelled");
    const after = await updatePass(tx, pass.id, { state: "CANCELLED", cancelledAt: new Date() });
    await recordPassChange(tx, { action: "pass.cancelled", before: pass, after, details: { reason: input.reason ?? null } });
    return passSnapshot(after);
  });
}
