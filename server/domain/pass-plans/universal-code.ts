import { and, eq } from "drizzle-orm";
import { lots, passes } from "@/db/schema";
import type { DomainContext } from "../context";
import { invalidField } from "../errors";
import { newId } from "../ids";
import { hasValidCheckCharacter } from "../passes/codes/check-character";
import { codeLength, matchesFormat, normalizeCode, passcodeAlphabets, type PasscodeFormat } from "../passes/codes/format";
import { decryptCode, encryptCode, hashCode, maskCode } from "../passes/codes/secrecy";
import { newPassRow } from "../passes/issue/new-pass-row";
import { passExpiryFor } from "../passes/validity";
import type { PassPlan } from "./plan-row";

/**
 * A single-code promotion plan (D5) has exactly one pass, whose code the user chooses. The code
 * is stored like any other (keyed hash, ciphertext, mask) in a DRAFT pass of the plan's on-demand
 * lot; activating the plan activates that pass.
 */
type CodeModeOf = { type: PassPlan["type"]; promotionCodeMode?: PassPlan["promotionCodeMode"] };

export const hasUniversalCode = (plan: CodeModeOf) =>
  plan.type === "PROMOTION" && plan.promotionCodeMode === "SINGLE";

function formatDescription(format: PasscodeFormat): string {
  const parts = [`${format.length} ${format.charset === "NUMERIC" ? "digits" : `characters of ${passcodeAlphabets.ALPHANUMERIC}`}`];
  if (format.prefix) parts.unshift(`prefix ${format.prefix}`);
  if (format.suffix) parts.push(`suffix ${format.suffix}`);
  if (format.checkCharacter) parts.push("a valid check character");
  return `${codeLength(format)} characters: ${parts.join(", ")}`;
}

/** Only a single-code promotion plan takes a universal code. */
export function assertUniversalCodeAllowed(plan: CodeModeOf, universalCode: string | null | undefined): void {
  if (universalCode && !hasUniversalCode(plan)) {
    throw invalidField("universalCode", "Only a single-code promotion plan has a universal code.");
  }
}

/** The normalized code, refused (naming universalCode) unless it follows the plan's format. */
function universalCodeFor(format: PasscodeFormat, input: string): string {
  const code = normalizeCode(input);
  const fits = matchesFormat(format, code) && (!format.checkCharacter || hasValidCheckCharacter(format.charset, code));
  if (!fits) throw invalidField("universalCode", `The code must follow the passcode format (${formatDescription(format)}).`);
  return code;
}

export async function universalPassOf(ctx: DomainContext, planId: string) {
  const [pass] = await ctx.db.select().from(passes).where(eq(passes.planId, planId)).limit(1);
  return pass ?? null;
}

async function onDemandLot(tx: DomainContext, planId: string) {
  const [existing] = await tx.db.select({ id: lots.id }).from(lots).where(and(eq(lots.planId, planId), eq(lots.kind, "ON_DEMAND")));
  if (existing) return existing;
  const [created] = await tx.db
    .insert(lots)
    .values({ id: newId(), planId, number: 1, kind: "ON_DEMAND", generationState: "COMPLETED" })
    .returning({ id: lots.id });
  return created!;
}

/** Sets (or replaces, while the plan is a draft) the universal code. Codes are unique business-wide. */
export async function setUniversalCode(tx: DomainContext, plan: PassPlan, input: string): Promise<void> {
  const code = universalCodeFor(plan.passcodeFormat, input);
  const codeHash = hashCode(code);
  const [holder] = await tx.db.select({ planId: passes.planId }).from(passes).where(eq(passes.codeHash, codeHash));
  const current = await universalPassOf(tx, plan.id);
  if (holder && holder.planId !== plan.id) throw invalidField("universalCode", "This code is already in use: choose another one.");
  if (current) {
    await tx.db
      .update(passes)
      .set({ codeHash, codeCiphertext: encryptCode(code), codeMask: maskCode(code, plan.passcodeFormat) })
      .where(eq(passes.id, current.id));
    return;
  }
  const lot = await onDemandLot(tx, plan.id);
  await tx.db.insert(passes).values(newPassRow(plan, lot, code, { state: "DRAFT", issuedAt: new Date(), valueMinor: null }));
}

/** After a format change of a draft plan, the kept code must still fit the new format. */
export async function revalidateUniversalCode(tx: DomainContext, plan: PassPlan): Promise<void> {
  const current = await universalPassOf(tx, plan.id);
  if (current) await setUniversalCode(tx, plan, decryptCode(current.codeCiphertext));
}

/** A draft plan that stops being single-code drops its never-activated universal pass. */
export async function dropUniversalCode(tx: DomainContext, planId: string): Promise<void> {
  await tx.db.delete(passes).where(and(eq(passes.planId, planId), eq(passes.state, "DRAFT")));
}

/** Activation of a single-code plan: its pass becomes ACTIVE and counts as the plan's one issued pass. */
export async function activateUniversalPass(tx: DomainContext, plan: PassPlan, now: Date): Promise<boolean> {
  const current = await universalPassOf(tx, plan.id);
  if (!current) throw invalidField("universalCode", "Set the universal code before activating the plan.");
  if (current.state !== "DRAFT") return false;
  await tx.db
    .update(passes)
    .set({ state: "ACTIVE", issuedAt: now, activatedAt: now, expiresAt: passExpiryFor(plan, now) })
    .where(eq(passes.id, current.id));
  return true;
}
