import { inTransaction, type DomainContext } from "../../context";
import { DomainError } from "../../errors";
import { passValueFor } from "../../pass-plans/value";
import { assertPassState, lockPass, recordPassChange, passSnapshot, updatePass, type PassView } from "./pass-row";
import type { ActivatePassInput } from "./schemas";

/**
 * DRAFT → ACTIVE, e.g. a printed card sold at a point of sale. A variable-value pass gets its
 * value here (inside the plan's range), and cannot be activated without one (D5).
 */
export function activatePass(ctx: DomainContext, input: ActivatePassInput): Promise<PassView> {
  return inTransaction(ctx, async (tx) => {
    const { pass, plan } = await lockPass(tx, input.passId);
    assertPassState(pass, ["DRAFT"], "activated");
    const now = new Date();
    if (pass.expiresAt && pass.expiresAt <= now) {
      throw new DomainError("PASS_EXPIRED", "The pass has expired: change its expiry before activating it.");
    }
    const valueMinor = passValueFor(plan, input.valueMinor ?? pass.initialValueMinor);
    const after = await updatePass(tx, pass.id, {
      state: "ACTIVE",
      activatedAt: now,
      initialValueMinor: valueMinor,
      remainingValueMinor: valueMinor,
    });
    await recordPassChange(tx, { action: "pass.activated", before: pass, after });
    return passSnapshot(after);
  });
}
