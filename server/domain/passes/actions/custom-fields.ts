import { inTransaction, type DomainContext } from "../../context";
import { validCustomFieldValues } from "../../pass-plans/custom-field-values";
import { assertPassState, lockPass, passSnapshot, recordPassChange, updatePass, type PassView } from "./pass-row";
import type { SetPassCustomFieldsInput } from "./schemas";

const isBlank = (value: unknown) => value === undefined || value === null || value === "";

/**
 * Changes a pass's own custom field values (definitions of entity `pass`, D5). Values the pass
 * inherited from its plan stay unless named; a blank value removes a field.
 */
export function setPassCustomFields(ctx: DomainContext, input: SetPassCustomFieldsInput): Promise<PassView> {
  return inTransaction(ctx, async (tx) => {
    const { pass } = await lockPass(tx, input.passId);
    assertPassState(pass, ["DRAFT", "ACTIVE", "REDEEMED", "EXPIRED"], "given custom field values");
    const values = await validCustomFieldValues(tx, input.customFields, "pass");
    const kept = Object.entries(pass.customFields).filter(([key]) => !(key in input.customFields && isBlank(input.customFields[key])));
    const after = await updatePass(tx, pass.id, { customFields: { ...Object.fromEntries(kept), ...values } });
    await recordPassChange(tx, { action: "pass.custom_fields_changed", before: pass, after });
    return passSnapshot(after);
  });
}
