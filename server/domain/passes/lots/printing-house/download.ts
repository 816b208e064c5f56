import { and, asc, eq, gt } from "drizzle-orm";
import { lotDownloadLinks, lots, passes, passPlans } from "@/db/schema";
import { recordAudit } from "../../../audit/record";
import { inTransaction, type DomainContext } from "../../../context";
import { DomainError } from "../../../errors";
import { emitEvent } from "../../../outbox";
import { decryptCode } from "../../codes/secrecy";
import { downloadTokenHash } from "./webhook";

export interface ClaimedDownload {
  lotId: string;
  fileName: string;
}

/**
 * Uses up a one-time link: refused when unknown (404), already used, replaced or expired (410).
 * The claim commits before the first byte is sent, so two concurrent requests get one file.
 */
export async function claimLotDownload(ctx: DomainContext, input: { token: string }, now = new Date()): Promise<ClaimedDownload> {
  return inTransaction(ctx, async (tx) => {
    // Locks the link: its single use is decided here.
    const [found] = await tx.db
      .select({ link: lotDownloadLinks, number: lots.number, planId: lots.planId, planName: passPlans.name })
      .from(lotDownloadLinks)
      .innerJoin(lots, eq(lots.id, lotDownloadLinks.lotId))
      .innerJoin(passPlans, eq(passPlans.id, lots.planId))
      .where(eq(lotDownloadLinks.tokenHash, downloadTokenHash(input.token)))
      .for("update", { of: lotDownloadLinks });
    if (!found) throw new DomainError("NOT_FOUND", "This download link does not exist.");
    const { link } = found;
    if (link.downloadedAt) throw new DomainError("LINK_GONE", "This download link has already been used.");
    if (link.revokedAt) throw new DomainError("LINK_GONE", "This download link was replaced by a newer one.");
    if (link.expiresAt <= now) throw new DomainError("LINK_GONE", "This download link has expired.");
    await tx.db.update(lotDownloadLinks).set({ downloadedAt: now, downloadedFromIp: ctx.origin?.ip ?? null }).where(eq(lotDownloadLinks.id, link.id));
    const facts = { planId: found.planId, number: found.number, linkId: link.id };
    await recordAudit(tx, { action: "lot.codes_downloaded", entityType: "lot", entityId: link.lotId, after: facts });
    await emitEvent(tx, { type: "lot.codes_downloaded", entityType: "lot", entityId: link.lotId, payload: facts });
    const slug = found.planName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "lot";
    return { lotId: link.lotId, fileName: `${slug}-lot-${found.number}.csv` };
  });
}

const csvHeader = "seq,code,state,value_minor,currency,expires_at\n";

/**
 * The lot's codes as CSV, decrypted a page at a time while streaming, so memory stays flat at a
 * million passes and no plain code is ever stored.
 */
export async function* lotCodesCsv(ctx: DomainContext, lotId: string, pageSize = 5_000): AsyncGenerator<string> {
  yield csvHeader;
  for (let after = -1; ; ) {
    const page = await ctx.db
      .select({ seq: passes.lotSeq, ciphertext: passes.codeCiphertext, state: passes.state, value: passes.initialValueMinor, currency: passes.currency, expiresAt: passes.expiresAt })
      .from(passes)
      .where(and(eq(passes.lotId, lotId), gt(passes.lotSeq, after)))
      .orderBy(asc(passes.lotSeq))
      .limit(pageSize);
    if (page.length === 0) return;
    yield page
      .map((p) => `${p.seq},${decryptCode(p.ciphertext)},${p.state},${p.value ?? ""},${p.currency ?? ""},${p.expiresAt?.toISOString() ?? ""}\n`)
      .join("");
    after = page.at(-1)!.seq!;
  }
}
