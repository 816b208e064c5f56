import { eq } from "drizzle-orm";
import { contacts } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, invalidField } from "../errors";
import { lockLiveContact, recordContactChange, reloadContact, type Contact, type ContactRow } from "./contact-rows";
import type { SpendingBlockInput } from "./schemas";

const blockFacts = (row: Pick<ContactRow, "spendingBlocked" | "spendingBlockedReason" | "spendingBlockedAt" | "spendingBlockedByLabel">) => ({
  spendingBlocked: row.spendingBlocked,
  spendingBlockedReason: row.spendingBlockedReason,
  spendingBlockedAt: row.spendingBlockedAt,
  spendingBlockedByLabel: row.spendingBlockedByLabel,
});

function requiredReason(reason: string): string {
  const trimmed = reason.trim();
  if (!trimmed) throw invalidField("reason", "Give a reason.");
  return trimmed;
}

/**
 * Blocks a contact from spending (D3): spends and payouts fail while credits still arrive.
 * Stores the reason, who and when; the block is checked by the wallet under its own row lock.
 */
export async function blockContactSpending(ctx: DomainContext, input: SpendingBlockInput): Promise<Contact> {
  const reason = requiredReason(input.reason);
  return inTransaction(ctx, async (tx) => {
    const contact = await lockLiveContact(tx, input.contactId);
    if (contact.spendingBlocked) throw new DomainError("INVALID_STATE", "Spending is already blocked for this contact.");
    const block = {
      spendingBlocked: true,
      spendingBlockedReason: reason,
      spendingBlockedAt: new Date(),
      spendingBlockedBy: ctx.actor.type === "user" ? ctx.actor.id : null,
      spendingBlockedByLabel: ctx.actor.label,
    };
    await tx.db.update(contacts).set(block).where(eq(contacts.id, contact.id));
    await recordContactChange(tx, {
      action: "contact.spending_blocked",
      contactId: contact.id,
      before: blockFacts(contact),
      after: blockFacts(block),
      payload: { reason },
    });
    return reloadContact(tx, contact.id);
  });
}

/** Lifts a block; the reason for lifting it is kept in the audit entry and the event. */
export async function unblockContactSpending(ctx: DomainContext, input: SpendingBlockInput): Promise<Contact> {
  const reason = requiredReason(input.reason);
  return inTransaction(ctx, async (tx) => {
    const contact = await lockLiveContact(tx, input.contactId);
    if (!contact.spendingBlocked) throw new DomainError("INVALID_STATE", "Spending is not blocked for this contact.");
    const cleared = {
      spendingBlocked: false,
      spendingBlockedReason: null,
      spendingBlockedAt: null,
      spendingBlockedBy: null,
      spendingBlockedByLabel: null,
    };
    await tx.db.update(contacts).set(cleared).where(eq(contacts.id, contact.id));
    await recordContactChange(tx, {
      action: "contact.spending_unblocked",
      contactId: contact.id,
      before: blockFacts(contact),
      after: { ...blockFacts(cleared), reason },
      payload: { reason },
    });
    return reloadContact(tx, contact.id);
  });
}
