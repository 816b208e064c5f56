import { inTransaction, type DomainContext } from "../../context";
import { DomainError, invalidField } from "../../errors";
import { passValueFor } from "../../pass-plans/value";
import { assertPassState, lockPass, recordPassChange, passSnapshot, updatePass, type PassView } from "./pass-row";
import type { ChangePassValueInput } from "./schemas";

/**
 * Changes a variable-value pass's initial value before any use (D5), inside the plan's range;
 * the remaining value follows, since nothing has been taken from it yet.
 */
export function changePassValue(ctx: DomainContext, input: ChangePassValueInput): Promise<PassView> {
  return inTransaction(ctx, async (tx) => {
    const { pass, plan } = await lockPass(tx, input.passId);
    assertPassState(pass, ["DRAFT", "ACTIVE"], "given a new value");
    if (plan.type === "PROMOTION") throw invalidField("valueMinor", "Promotion passes carry no value.");
    if (plan.valueMode === "FIXED") throw invalidField("valueMinor", "The plan's passes have a fixed value.");
    if (pass.usesCount > 0) {
      throw new DomainError("INVALID_STATE", "The pass has been used: its value can no longer change.", { usesCount: pass.usesCount });
    }
    const valueMinor = passValueFor(plan, input.valueMinor);
    const after = await updatePass(tx, pass.id, { initialValueMinor: valueMinor, remainingValueMinor: valueMinor });
    await recordPassChange(tx, { action: "pass.value_changed", before: pass, after });
    return passSnapshot(after);
  });
}
