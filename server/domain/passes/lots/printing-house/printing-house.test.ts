import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { auditLog, lotDownloadLinks, passes } from "@/db/schema";
import { systemActor } from "@/server/domain/actor";
import { refusal } from "@/server/domain/contacts/test-fixtures";
import { queues } from "@/server/jobs/queues";
import { downloadLotCodes } from "@/server/rest/lot-download";
import { getSecrets } from "@/server/secrets";
import { contextAs, testDatabase } from "@/test/db";
import { decryptCode } from "../../codes/secrecy";
import { inlineSealer } from "../crypto-pool";
import { generateLot } from "../generate";
import { activePrintedPlan } from "../test-fixtures";
import { claimLotDownload } from "./download";
import { updatePrintingHouseSettings } from "./settings";
import { signatureHeaders, verifyWebhook } from "./signature";
import { deliverPrintingHouseWebhook, downloadLinkLifetimeMs } from "./webhook";

const { db } = testDatabase();
const worker = { db, actor: systemActor("lot generation") };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A printing house: records each webhook and answers with the next status in line (default 204). */
let server: Server;
const received: Received[] = [];
const statuses: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(statuses.shift() ?? 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const admin = await contextAs("admin");
  await updatePrintingHouseSettings(admin, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/lots` });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function completedLot(quantity: number, printingWebhookEnabled = true) {
  const ctx = await contextAs("marketing");
  const fixture = await activePrintedPlan(ctx, { quantity, printingWebhookEnabled });
  await generateLot(worker, { lotId: fixture.lot.id, batchSize: 7, sealer: inlineSealer });
  return fixture;
}

async function announce(lotId: string, now?: Date) {
  const before = received.length;
  await deliverPrintingHouseWebhook(worker, { lotId }, now);
  const webhook = received[before]!;
  const payload = JSON.parse(webhook.body) as { lot: { id: string; quantity: number }; download: { url: string; expiresAt: string } };
  return { webhook, payload, token: payload.download.url.split("/").at(-1)! };
}

function download(token: string) {
  const req = new Request(`http://localhost/api/v1/lot-downloads/${token}`, { headers: { "x-forwarded-for": "198.51.100.4" } });
  return downloadLotCodes(req, { params: Promise.resolve({ token }) });
}

describe("printing-house webhook", () => {
  it("is queued when a printed lot with the webhook on completes, and not otherwise", async () => {
    const on = await completedLot(3);
    const off = await completedLot(3, false);
    const jobs = rowsOf<{ singleton_key: string }>(
      await db.execute(sql`select singleton_key from pgboss.job where name = ${queues.printingHouseWebhook} and singleton_key in (${on.lot.id}, ${off.lot.id})`),
    );
    expect(jobs.map((j) => j.singleton_key)).toEqual([on.lot.id]);
    expect(await deliverPrintingHouseWebhook(worker, { lotId: off.lot.id })).toBe("skipped");
  });

  it("announces the lot signed with timestamp + HMAC-SHA-256, with a one-time link valid 24 h", async () => {
    const { lot } = await completedLot(20);
    const now = new Date();
    const { webhook, payload, token } = await announce(lot.id, now);
    const headers = { timestamp: webhook.headers[signatureHeaders.timestamp] as string, signature: webhook.headers[signatureHeaders.signature] as string };
    expect(verifyWebhook(getSecrets().PRINTING_WEBHOOK_SECRET, webhook.body, headers)).toBe(true);
    expect(verifyWebhook(getSecrets().PRINTING_WEBHOOK_SECRET, webhook.body.replace("20", "21"), headers)).toBe(false);
    expect(verifyWebhook("another-secret-another-secret-000", webhook.body, headers)).toBe(false);
    expect(payload.lot).toMatchObject({ id: lot.id, quantity: 20 });
    expect(new Date(payload.download.expiresAt).getTime()).toBe(now.getTime() + downloadLinkLifetimeMs);
    const [link] = await db.select().from(lotDownloadLinks).where(eq(lotDownloadLinks.lotId, lot.id));
    expect(link!.tokenHash).not.toContain(token);
    expect(link!.deliveredAt).toBeInstanceOf(Date);
  });

  it("streams the codes as CSV once, audited; a second download is refused with 410", async () => {
    const { lot } = await completedLot(20);
    const { token } = await announce(lot.id);
    const response = await download(token);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\n");
    expect(lines[0]).toBe("seq,code,state,value_minor,currency,expires_at");
    const stored = await db.select().from(passes).where(eq(passes.lotId, lot.id)).orderBy(passes.lotSeq);
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(stored.map((p) => decryptCode(p.codeCiphertext)));
    expect(lines[1]).toMatch(/^0,\d{17},DRAFT,2500,EUR,\d{4}-/);

    const again = await download(token);
    expect(again.status).toBe(410);
    expect(await again.json()).toMatchObject({ error: { code: "LINK_GONE", message: "This download link has already been used." } });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entityId, lot.id), eq(auditLog.action, "lot.codes_downloaded")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorLabel: "printing house", ip: "198.51.100.4" });
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("refuses an expired link, a replaced link and an unknown one", async () => {
    const { lot } = await completedLot(2);
    const { token: first } = await announce(lot.id);
    const { token: second } = await announce(lot.id);
    expect((await download(first)).status).toBe(410);
    expect(await refusal(claimLotDownload(worker, { token: second }, new Date(Date.now() + downloadLinkLifetimeMs + 1_000)))).toMatchObject({
      code: "LINK_GONE",
      message: "This download link has expired.",
    });
    expect((await download("x".repeat(43))).status).toBe(404);
    expect((await download(second)).status).toBe(200);
  });

  it("throws on a refused delivery so the job retries, and the retry's link replaces the old one", async () => {
    const { lot } = await completedLot(2);
    statuses.push(503);
    await expect(deliverPrintingHouseWebhook(worker, { lotId: lot.id })).rejects.toThrow("503");
    const { token } = await announce(lot.id);
    const links = await db.select().from(lotDownloadLinks).where(eq(lotDownloadLinks.lotId, lot.id));
    expect(links.filter((l) => l.revokedAt === null)).toHaveLength(1);
    expect((await download(token)).status).toBe(200);
  });
});
