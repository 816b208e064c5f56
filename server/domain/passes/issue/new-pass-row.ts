import type { lots, passes, passPlans } from "@/db/schema";
import { newId } from "../../ids";
import { encryptCode, hashCode, maskCode } from "../codes/secrecy";
import { passExpiryFor } from "../validity";

type Plan = typeof passPlans.$inferSelect;
type Lot = typeof lots.$inferSelect;
export type NewPassRow = typeof passes.$inferInsert;

export interface NewPassOptions {
  state: "DRAFT" | "ACTIVE";
  issuedAt: Date;
  /** The pass's value; for a variable plan, null until chosen (printed passes set it at sale). */
  valueMinor: number | null;
  lotSeq?: number;
  contactId?: string | null;
  recipientEmail?: string | null;
  recipientPhone?: string | null;
  recipientName?: string | null;
  replacesPassId?: string | null;
}

/** Everything of a new pass that does not depend on its code: shared by all passes of a lot. */
export type PassRowTemplate = Omit<NewPassRow, "id" | "lotSeq" | "codeHash" | "codeCiphertext" | "codeMask">;

export function passRowTemplate(plan: Plan, lot: Pick<Lot, "id">, options: NewPassOptions): PassRowTemplate {
  const isMoney = plan.type !== "PROMOTION";
  return {
    planId: plan.id,
    lotId: lot.id,
    state: options.state,
    currency: isMoney ? plan.currency : null,
    initialValueMinor: isMoney ? options.valueMinor : null,
    remainingValueMinor: isMoney ? options.valueMinor : null,
    maxUses: plan.usage === "MULTIPLE" ? (plan.maxUses ?? 1) : 1,
    expiresAt: passExpiryFor(plan, options.issuedAt),
    contactId: options.contactId ?? null,
    recipientEmail: options.recipientEmail ?? null,
    recipientPhone: options.recipientPhone ?? null,
    recipientName: options.recipientName ?? null,
    customFields: plan.customFields,
    replacesPassId: options.replacesPassId ?? null,
    issuedAt: options.issuedAt,
    activatedAt: options.state === "ACTIVE" ? options.issuedAt : null,
  };
}

/**
 * The stored form of a new pass: the code becomes its keyed hash, ciphertext and mask here and
 * nowhere else, so every way of making passes (lots, electronic issue, replacement) keeps D5's
 * secrecy. `code` must already be normalized (as generateCode returns it).
 */
export function newPassRow(plan: Plan, lot: Pick<Lot, "id">, code: string, options: NewPassOptions): NewPassRow {
  return {
    ...passRowTemplate(plan, lot, options),
    id: newId(),
    lotSeq: options.lotSeq,
    codeHash: hashCode(code),
    codeCiphertext: encryptCode(code),
    codeMask: maskCode(code, plan.passcodeFormat),
  };
}
