import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { lotDownloadLinks, lots, passPlans } from "@/db/schema";
import { env } from "@/env";
import { getSecrets } from "@/server/secrets";
import { recordAudit } from "../../../audit/record";
import { inTransaction, type DomainContext } from "../../../context";
import { newId } from "../../../ids";
import { keyedHash } from "../../../keyed-hash";
import { emitEvent } from "../../../outbox";
import { getPrintingHouseSettings } from "./settings";
import { signWebhook } from "./signature";

export const downloadLinkLifetimeMs = 24 * 60 * 60 * 1000;

/** Download tokens are lookup secrets: stored only as their keyed hash. */
export const downloadTokenHash = (token: string) => keyedHash("lot-download", token);

export const downloadPath = (token: string) => `/api/v1/lot-downloads/${token}`;

/**
 * Announces a completed printed lot to the printing house: a fresh one-time link (replacing any
 * unused one, so only the link in the last accepted webhook works) in a body signed with
 * timestamp + HMAC-SHA-256. A refusal or a network error throws, and the job retries with backoff.
 */
export async function deliverPrintingHouseWebhook(ctx: DomainContext, input: { lotId: string }, now = new Date()): Promise<"delivered" | "skipped"> {
  const [lot] = await ctx.db
    .select({ lot: lots, planName: passPlans.name, enabled: passPlans.printingWebhookEnabled })
    .from(lots)
    .innerJoin(passPlans, eq(passPlans.id, lots.planId))
    .where(eq(lots.id, input.lotId));
  if (!lot || !lot.enabled || lot.lot.kind !== "PRINTED" || lot.lot.generationState !== "COMPLETED") return "skipped";
  const { url } = await getPrintingHouseSettings(ctx);
  if (!url) throw new Error("No printing-house URL is configured; set it in the settings.");

  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + downloadLinkLifetimeMs);
  const linkId = newId();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(lotDownloadLinks)
      .set({ revokedAt: now })
      .where(and(eq(lotDownloadLinks.lotId, lot.lot.id), isNull(lotDownloadLinks.downloadedAt), isNull(lotDownloadLinks.revokedAt)));
    await tx.db.insert(lotDownloadLinks).values({ id: linkId, lotId: lot.lot.id, tokenHash: downloadTokenHash(token), expiresAt });
    await recordAudit(tx, { action: "lot.download_link_created", entityType: "lot", entityId: lot.lot.id, after: { linkId, expiresAt } });
  });

  const body = JSON.stringify({
    type: "lot.ready",
    sentAt: now.toISOString(),
    lot: { id: lot.lot.id, planId: lot.lot.planId, planName: lot.planName, number: lot.lot.number, quantity: lot.lot.quantity },
    download: { url: new URL(downloadPath(token), env.APP_URL).toString(), expiresAt: expiresAt.toISOString(), format: "text/csv", oneTime: true },
  });
  const headers = { "content-type": "application/json", ...signWebhook(getSecrets().PRINTING_WEBHOOK_SECRET, body, Math.floor(now.getTime() / 1000)) };
  const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`The printing house answered ${response.status} ${response.statusText}.`);

  await inTransaction(ctx, async (tx) => {
    await tx.db.update(lotDownloadLinks).set({ deliveredAt: new Date() }).where(eq(lotDownloadLinks.id, linkId));
    const facts = { planId: lot.lot.planId, number: lot.lot.number, linkId, expiresAt };
    await recordAudit(tx, { action: "lot.sent_to_printing_house", entityType: "lot", entityId: lot.lot.id, after: facts });
    await emitEvent(tx, { type: "lot.sent_to_printing_house", entityType: "lot", entityId: lot.lot.id, payload: facts });
  });
  return "delivered";
}
