import { inTransaction, type DomainContext } from "../../context";
import { invalidField } from "../../errors";
import { generatePin, hashPin } from "../codes/pin";
import { assertPassState, lockPass, recordPassChange, passSnapshot, updatePass, type PassView } from "./pass-row";
import type { ResetPassPinInput, SetPassPinInput } from "./schemas";

/** Stores the PIN's keyed hash on a live gift/top-up pass; the PIN itself is never kept (D5). */
async function storePin(ctx: DomainContext, passId: string, pin: string, action: string): Promise<PassView> {
  return inTransaction(ctx, async (tx) => {
    const { pass, plan } = await lockPass(tx, passId);
    if (plan.type === "PROMOTION") throw invalidField("pin", "Promotion passes have no PIN.");
    assertPassState(pass, ["DRAFT", "ACTIVE"], "given a PIN");
    const after = await updatePass(tx, pass.id, { pinHash: hashPin(pass.id, pin) });
    await recordPassChange(tx, { action, before: pass, after });
    return passSnapshot(after);
  });
}

/** Sets the PIN the holder chose (4–8 digits). */
export function setPassPin(ctx: DomainContext, input: SetPassPinInput): Promise<PassView> {
  return storePin(ctx, input.passId, input.pin, "pass.pin_set");
}

/** Replaces the PIN with a random one, returned this once so it can be handed to the holder. */
export async function resetPassPin(ctx: DomainContext, input: ResetPassPinInput): Promise<{ pass: PassView; pin: string }> {
  const pin = generatePin(input.length);
  const pass = await storePin(ctx, input.passId, pin, "pass.pin_reset");
  return { pass, pin };
}
