import { inTransaction, type DomainContext } from "../../context";
import { invalidField } from "../../errors";
import { assertPassState, lockPass, recordPassChange, passSnapshot, updatePass, type PassView } from "./pass-row";
import type { ChangePassExpiryInput } from "./schemas";

/** Moves a live pass's expiry (its pass validity, D5) to a future date, or removes it (null). */
export function changePassExpiry(ctx: DomainContext, input: ChangePassExpiryInput): Promise<PassView> {
  return inTransaction(ctx, async (tx) => {
    const { pass } = await lockPass(tx, input.passId);
    assertPassState(pass, ["DRAFT", "ACTIVE"], "given a new expiry");
    if (input.expiresAt && input.expiresAt <= new Date()) {
      throw invalidField("expiresAt", "The expiry must be in the future.");
    }
    const after = await updatePass(tx, pass.id, { expiresAt: input.expiresAt });
    await recordPassChange(tx, { action: "pass.expiry_changed", before: pass, after });
    return passSnapshot(after);
  });
}
