import { format } from "node:util";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";
import { auditLog, lots, messages, passes } from "@/db/schema";
import { smtpTransport } from "@/server/adapters/email";
import { smsGatewayTransport } from "@/server/adapters/sms-gateway";
import { issuePassEndpoint, resendPassEndpoint } from "@/server/rest/endpoints/egifts";
import { getLotEndpoint, listLotPassesEndpoint, listLotsEndpoint } from "@/server/rest/endpoints/lots";
import { cancelPassEndpoint, changePassExpiryEndpoint, checkRedemptionEndpoint, redeemPassEndpoint } from "@/server/rest/endpoints/pass-actions";
import { getPassPlanEndpoint } from "@/server/rest/endpoints/pass-plans";
import { apiKeyWith, callRoute, type RestCall } from "@/server/rest/test-request";
import { createCaller } from "@/server/trpc/root";
import { contextAs, testDatabase, unique } from "@/test/db";
import { systemActor } from "../actor";
import { createContact } from "../contacts/create";
import { uniqueEmail, uniquePhone } from "../contacts/test-fixtures";
import { newId } from "../ids";
import { deliverMessage } from "../messages/deliver";
import { startSmsGateway, startSmtpServer } from "../messages/test-servers";
import { uniqueCurrency } from "../network/test-fixtures";
import { createPassPlan } from "../pass-plans/create";
import { activatePassPlan } from "../pass-plans/states";
import { electronicTopUpInput, printedGiftInput, promotionInput } from "../pass-plans/test-fixtures";
import { passcodeAlphabets, passcodeFormatSchema, type PasscodeFormat } from "./codes/format";
import { generateCode } from "./codes/generate";
import { decryptCode, hashCode } from "./codes/secrecy";
import { issueElectronicPass } from "./issue/issue-electronic";
import { issueElectronicPassSchema } from "./issue/schemas";
import { activateLot, runLotAction } from "./lots/whole-lot-actions";
import { openCodeSealer } from "./lots/crypto-pool";
import { generateLot } from "./lots/generate";

/**
 * ARCHITECTURE "Secrets", DOMAIN D5: after passes are generated, issued, delivered, redeemed and
 * changed, no table, log line, audit entry or API answer holds a plain code. The messages handed to
 * the carriers (SMTP server, SMS gateway) are the one place a code may appear.
 */
const { db } = testDatabase();
const smtp = await startSmtpServer();
const gateway = await startSmsGateway();

interface KnownCode {
  passId: string;
  code: string;
  mask: string;
}
interface Leak {
  where: string;
  /** The pass whose code leaked, named by id and mask (never by the code). */
  pass: string;
}
type Scan = (where: string, text: string) => Leak[];

/** Upper case without spaces or dashes, so "gc3x-7k2m …" is found as "GC3X7K2M…". */
const compact = (text: string) => text.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, "");

/**
 * Looks for each code, and for its random part alone (a prefix dropped or reformatted), in every
 * alphanumeric run of the text: a window per needle length over each run, looked up in a map.
 */
function scannerFor(codes: { code: string; format: PasscodeFormat; label: string }[]): Scan {
  const needles = new Map<string, string>();
  for (const { code, format: f, label } of codes) {
    needles.set(code, label);
    needles.set(code.slice(f.prefix.length, f.prefix.length + f.length), label);
  }
  const lengths = [...new Set([...needles.keys()].map((n) => n.length))];
  return (where, text) => {
    const found = new Map<string, Leak>();
    for (const run of compact(text).split(/[^A-Z0-9]+/)) {
      for (const length of lengths) {
        for (let i = 0; i + length <= run.length; i++) {
          const pass = needles.get(run.slice(i, i + length));
          if (pass) found.set(pass, { where, pass });
        }
      }
    }
    return [...found.values()];
  };
}

/**
 * Every row of every table in every schema (public, pgboss, drizzle …) as PostgreSQL prints it.
 * pg_class rather than information_schema so that partitioned tables (pg-boss jobs) are read once.
 */
async function scanTables(database: Db, scan: Scan) {
  const tables = rowsOf<{ schema: string; name: string }>(
    await database.execute(sql`
      select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and not c.relispartition and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\_toast%'
      order by 1, 2`),
  );
  const leaks: Leak[] = [];
  let rows = 0;
  for (const { schema, name } of tables) {
    const quoted = `"${schema.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    const texts = rowsOf<{ row: string }>(await database.execute(sql.raw(`select t::text as row from ${quoted} t`)));
    rows += texts.length;
    texts.forEach(({ row }, i) => leaks.push(...scan(`${schema}.${name} row ${i + 1}`, row)));
  }
  return { tables: tables.map((t) => `${t.schema}.${t.name}`), rows, leaks };
}

/** Every console call and stdout/stderr write of this file, as the text a log line would hold. */
const logLines: string[] = [];
function captureLogs(): () => void {
  const consoles = (["log", "info", "warn", "error", "debug", "trace"] as const).map((method) => {
    const original = console[method].bind(console);
    return vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logLines.push(format(...args));
      original(...args);
    });
  });
  const streams = [process.stdout, process.stderr].map((stream) => {
    const original = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
    return vi.spyOn(stream, "write").mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      logLines.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return original(chunk, ...rest);
    }) as typeof stream.write);
  });
  return () => [...consoles, ...streams].forEach((spy) => spy.mockRestore());
}

const known: KnownCode[] = [];
const responses: { label: string; body: unknown }[] = [];
let scan: Scan = () => [];
/** What the carriers received: the delivery, where the eGift codes are meant to be. */
let delivered = "";
let restoreLogs = () => {};

const printedFormat = passcodeFormatSchema.parse({ charset: "ALPHANUMERIC", length: 12, prefix: "GC", checkCharacter: true });
const egiftFormat = passcodeFormatSchema.parse({ charset: "NUMERIC", length: 14, prefix: "42", suffix: "7", checkCharacter: true });
const promotionFormat = passcodeFormatSchema.parse({ charset: "ALPHANUMERIC", length: 10, prefix: "PR", checkCharacter: true });

const template = {
  channels: ["EMAIL", "SMS"] as ("EMAIL" | "SMS")[],
  emailSubject: "A gift for {{name}}",
  emailBody: "Hello {{name}}, your code {{code}} is worth {{value}} until {{expiry}}.",
  smsBody: "Gift code {{code}} ({{value}})",
};

async function rest(label: string, handler: Parameters<typeof callRoute>[0], call: RestCall, status = 200) {
  const res = await callRoute(handler, call);
  responses.push({ label, body: res.body });
  expect(res.status, `${label}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

async function answer<T>(label: string, call: Promise<T>): Promise<T> {
  const body = await call;
  responses.push({ label, body });
  return body;
}

/** A code as a person might type it: lower case, in groups of four. */
const typed = (code: string) => code.toLowerCase().replace(/(.{4})/g, "$1 ").trim();

function withWrongCheckCharacter(code: string): string {
  const alphabet = passcodeAlphabets.ALPHANUMERIC;
  return code.slice(0, -1) + alphabet[(alphabet.indexOf(code.at(-1)!) + 1) % alphabet.length];
}

type UserContext = Awaited<ReturnType<typeof contextAs>>;
const later = (days: number) => new Date(Date.now() + days * 86_400_000);

/** An active printed plan whose first lot of 200 passes is generated by the real generator and activated. */
async function printedLot(marketing: UserContext, currency: string) {
  const plan = await createPassPlan(marketing, printedGiftInput(currency, { name: unique("Secrecy printed "), quantity: 200, maxPasses: 1_000, passcodeFormat: printedFormat }));
  await activatePassPlan(marketing, { id: plan.id });
  const [lot] = await db.select().from(lots).where(eq(lots.planId, plan.id));
  const sealer = await openCodeSealer(1);
  try {
    expect(await generateLot({ db, actor: systemActor("lot generation") }, { lotId: lot!.id, batchSize: 64, sealer })).toBe("completed");
  } finally {
    await sealer.close();
  }
  await activateLot(marketing, { lotId: lot!.id });
  await runLotAction({ db, actor: systemActor("whole-lot action") }, { lotId: lot!.id });
  return { plan, lotId: lot!.id };
}

/** Three eGifts (email, SMS, a contact through REST) and one re-send, all queued for delivery. */
async function egifts(marketing: UserContext, support: UserContext, currency: string) {
  const plan = await createPassPlan(marketing, electronicTopUpInput(currency, { name: unique("Secrecy eGift "), type: "GIFT", passcodeFormat: egiftFormat, communicationTemplate: template }));
  await activatePassPlan(marketing, { id: plan.id });
  const issue = (input: Record<string, unknown>) => issueElectronicPass(support, issueElectronicPassSchema.parse({ planId: plan.id, ...input }));
  const byEmail = await answer("issueElectronicPass by email", issue({ recipient: { email: `${unique("ann")}@example.com`, name: "Ann" }, valueMinor: 4_200 }));
  const byPhone = await answer("issueElectronicPass by SMS", issue({ recipient: { phone: uniquePhone() }, valueMinor: 1_500 }));
  const contact = await createContact(support, { email: uniqueEmail(), firstName: "Bo" });
  const body = { planId: plan.id, contactId: contact.id, valueMinor: 2_000 };
  const forContact = (await rest("POST /passes", issuePassEndpoint.handler, { method: "POST", path: "/passes", key: await apiKeyWith("passes:issue"), idempotencyKey: unique("idem"), body }, 201)) as { passId: string };
  const resend = { method: "POST", path: `/passes/${byEmail.passId}/resend`, key: await apiKeyWith("passes:manage"), params: { id: byEmail.passId }, body: {} };
  await rest("POST /passes/{id}/resend", resendPassEndpoint.handler, resend);
  return { plan, passIds: [byEmail.passId, byPhone.passId, forContact.passId] };
}

/**
 * Hands the queued messages to a real SMTP server and an SMS gateway stand-in; the first attempt
 * of each channel is refused (the gateway echoes the body it refused), so error paths run too.
 */
async function deliver(passIds: string[]) {
  const queued = await db.select({ id: messages.id }).from(messages).where(inArray(messages.passId, passIds));
  const transports = { EMAIL: smtpTransport(smtp.url), SMS: smsGatewayTransport(gateway.url) };
  const system = { db, actor: systemActor("message delivery") };
  smtp.refuseNext(1);
  gateway.state.status = 503;
  for (const { id } of queued) await deliverMessage(system, transports, { messageId: id, finalAttempt: false });
  gateway.state.status = 200;
  for (const { id } of queued) await deliverMessage(system, transports, { messageId: id, finalAttempt: false });
  const sent = await db.select({ status: messages.status, attempts: messages.attempts }).from(messages).where(inArray(messages.passId, passIds));
  expect(sent.every((m) => m.status === "SENT")).toBe(true);
  expect(sent.some((m) => m.attempts > 1)).toBe(true);
  delivered = [...smtp.received.map((m) => m.raw.replace(/=\r?\n/g, "")), JSON.stringify(gateway.received)].join("\n");
}

/** Redemption (with refusals and near-miss codes) and pass actions, over REST and tRPC. */
async function redeemAndChange(support: UserContext, printed: KnownCode[], phoneCode: string, contactPassId: string, universalPassId: string) {
  const [redeemed, cancelled, extended] = printed as [KnownCode, KnownCode, KnownCode];
  const redeemKey = await apiKeyWith("passes:redeem");
  const redeem = (code: string, idempotencyKey?: string): RestCall => ({ method: "POST", path: "/passes/redeem", key: redeemKey, body: { code, terminalId: "POS-7" }, idempotencyKey });
  await rest("POST /passes/redeem/check", checkRedemptionEndpoint.handler, { method: "POST", path: "/passes/redeem/check", key: redeemKey, body: { code: typed(redeemed.code) } });
  await rest("POST /passes/redeem", redeemPassEndpoint.handler, redeem(redeemed.code, unique("idem")));
  await rest("POST /passes/redeem, used up", redeemPassEndpoint.handler, redeem(redeemed.code, unique("idem")), 409);
  await rest("POST /passes/redeem, wrong check character", redeemPassEndpoint.handler, redeem(withWrongCheckCharacter(extended.code), unique("idem")), 422);
  await rest("POST /passes/redeem, prefix left out", redeemPassEndpoint.handler, redeem(extended.code.slice(printedFormat.prefix.length)), 422);

  const manageKey = await apiKeyWith("passes:manage");
  const command = (passId: string, action: string, body: unknown): RestCall => ({ method: "POST", path: `/passes/${passId}/${action}`, key: manageKey, params: { id: passId }, body });
  await rest("POST /passes/{id}/cancel", cancelPassEndpoint.handler, command(cancelled.passId, "cancel", { reason: "Lost in the post" }));
  await rest("POST /passes/{id}/expiry", changePassExpiryEndpoint.handler, command(extended.passId, "expiry", { expiresAt: later(400).toISOString() }));

  const caller = createCaller({ db, actor: support.actor as never, origin: {} });
  await answer("tRPC passes.redeem", caller.passes.redeem({ code: typed(phoneCode) }));
  await answer("tRPC passes.changeExpiry", caller.passes.changeExpiry({ passId: contactPassId, expiresAt: later(30) }));
  await answer("tRPC passes.cancel", caller.passes.cancel({ passId: universalPassId }));
}

/** What the back office pages and integrations read afterwards: plans, lots, pass pages, timelines, audit, messages. */
async function readBack(admin: UserContext, support: UserContext, planIds: string[], printedLotId: string, passIds: string[], searched: KnownCode) {
  const readKey = await apiKeyWith("passes:read");
  const supportCaller = createCaller({ db, actor: support.actor as never, origin: {} });
  const adminCaller = createCaller({ db, actor: admin.actor as never, origin: {} });
  const lotIds = [...new Set((await db.select({ lotId: passes.lotId }).from(passes).where(inArray(passes.planId, planIds))).map((p) => p.lotId))];
  for (const id of planIds) {
    await rest("GET /pass-plans/{id}", getPassPlanEndpoint.handler, { path: `/pass-plans/${id}`, key: readKey, params: { id } });
    await rest("GET /lots", listLotsEndpoint.handler, { path: `/lots?planId=${id}`, key: readKey });
    await answer("tRPC passPlans.byId", adminCaller.passPlans.byId({ id }));
  }
  for (const lotId of lotIds) {
    await rest("GET /lots/{id}", getLotEndpoint.handler, { path: `/lots/${lotId}`, key: readKey, params: { id: lotId } });
    await answer("tRPC lots.byId", supportCaller.lots.byId({ lotId }));
    let after: string | null = "";
    while (after !== null) {
      const path = `/lots/${lotId}/passes?limit=80${after ? `&after=${after}` : ""}`;
      const page = (await rest("GET /lots/{id}/passes", listLotPassesEndpoint.handler, { path, key: readKey, params: { id: lotId } })) as { nextCursor: string | null };
      await answer("tRPC lots.passes", supportCaller.lots.passes({ lotId, limit: 80, ...(after ? { after } : {}) }));
      after = page.nextCursor;
    }
  }
  const path = `/lots/${printedLotId}/passes?code=${encodeURIComponent(typed(searched.code))}`;
  const found = (await rest("GET /lots/{id}/passes?code=", listLotPassesEndpoint.handler, { path, key: readKey, params: { id: printedLotId } })) as { rows: { id: string }[] };
  expect(found.rows.map((r) => r.id)).toEqual([searched.passId]);
  for (const passId of passIds) {
    await answer("tRPC passes.byId", supportCaller.passes.byId({ passId }));
    await answer("tRPC passes.timeline", supportCaller.passes.timeline({ passId }));
    await answer("tRPC messages.list by pass", adminCaller.messages.list({ passId, pageSize: 200 }));
  }
  for (const entityId of [...passIds, ...lotIds, ...planIds]) await answer("tRPC audit.list by entity", adminCaller.audit.list({ entityId, pageSize: 200 }));
  await answer("tRPC audit.list", adminCaller.audit.list({ pageSize: 200 }));
  await answer("tRPC messages.list", adminCaller.messages.list({ pageSize: 200 }));
}

/** The plain codes of the plans' passes, decrypted here (the test stands where only delivery may). */
async function codesOf(plans: { id: string; passcodeFormat: PasscodeFormat }[]) {
  const needles: Parameters<typeof scannerFor>[0] = [];
  for (const plan of plans) {
    for (const row of await db.select().from(passes).where(eq(passes.planId, plan.id)).orderBy(passes.lotSeq)) {
      const code = decryptCode(row.codeCiphertext);
      expect(hashCode(code)).toBe(row.codeHash);
      known.push({ passId: row.id, code, mask: row.codeMask });
      needles.push({ code, format: plan.passcodeFormat, label: `pass ${row.id} (${row.codeMask})` });
    }
  }
  scan = scannerFor(needles);
}

beforeAll(async () => {
  restoreLogs = captureLogs();
  const [admin, marketing, support] = [await contextAs("admin"), await contextAs("marketing"), await contextAs("support")];
  const currency = (await uniqueCurrency(admin)).code;
  const printed = await printedLot(marketing, currency);
  const electronic = await egifts(marketing, support, currency);
  const universalCode = generateCode(promotionFormat);
  const promotion = await createPassPlan(marketing, {
    ...promotionInput({ name: unique("Secrecy promotion "), promotionCodeMode: "SINGLE", maxPasses: 1, communicationTemplate: null, passcodeFormat: promotionFormat }),
    universalCode: typed(universalCode),
  });
  await activatePassPlan(marketing, { id: promotion.id });

  await codesOf([printed.plan, electronic.plan, promotion]);
  expect(known).toHaveLength(200 + 3 + 1);
  const codeOf = (passId: string) => known.find((k) => k.passId === passId)!;
  const universal = known.find((k) => k.code === universalCode)!;
  await deliver(electronic.passIds);
  const [byPhone, forContact] = electronic.passIds.slice(1).map(codeOf) as [KnownCode, KnownCode];
  const firstPrinted = known.slice(0, 3);
  await redeemAndChange(support, firstPrinted, byPhone.code, forContact.passId, universal.passId);
  const shown = [...firstPrinted.map((k) => k.passId), ...electronic.passIds, universal.passId];
  await readBack(admin, support, [printed.plan.id, electronic.plan.id, promotion.id], printed.lotId, shown, firstPrinted[2]!);
}, 120_000);

afterAll(() => restoreLogs());

describe("passcode secrecy scan", () => {
  it("finds a code wherever it is planted, so a clean scan means something", async () => {
    const sample = known[17]!;
    expect(scan("planted", JSON.stringify({ note: `the code is ${sample.code}` }))).toEqual([{ where: "planted", pass: `pass ${sample.passId} (${sample.mask})` }]);
    expect(scan("typed", `Customer read out ${typed(sample.code)} on the phone`)).toHaveLength(1);
    expect(scan("random part", `…${sample.code.slice(printedFormat.prefix.length, -1)}…`)).toHaveLength(1);
    expect(scan("mask only", JSON.stringify(known.map((k) => k.mask)))).toEqual([]);

    const planted = generateCode(printedFormat);
    console.info("planted log line", { planted });
    const plantedScan = scannerFor([{ code: planted, format: printedFormat, label: "planted" }]);
    expect(logLines.flatMap((line) => plantedScan("log", line)).length).toBeGreaterThan(0);

    let inTable: Awaited<ReturnType<typeof scanTables>> | undefined;
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(auditLog).values({ id: newId(), actorType: "system", actorLabel: "secrecy self-check", action: "test.planted", entityType: "test", after: { note: sample.code } });
        inTable = await scanTables(tx, scan);
        throw new Error("roll back the planted row");
      }),
    ).rejects.toThrow("roll back the planted row");
    expect(inTable!.leaks).toEqual([{ where: expect.stringMatching(/^public\.audit_log row \d+$/), pass: `pass ${sample.passId} (${sample.mask})` }]);
  });

  it("finds every eGift code in what the carriers received: the delivery is the one place codes go", () => {
    const leaked = new Set(scan("delivery", delivered).map((l) => l.pass));
    const egifts = known.filter((k) => delivered.includes(k.code));
    expect(egifts).toHaveLength(3);
    expect(leaked).toEqual(new Set(egifts.map((k) => `pass ${k.passId} (${k.mask})`)));
  });

  it("leaves no plain code in any row of any table (public, pgboss, drizzle)", async () => {
    const { tables, rows, leaks } = await scanTables(db, scan);
    expect(tables).toEqual(expect.arrayContaining(["public.passes", "public.audit_log", "public.messages", "public.domain_events", "public.idempotency_keys", "public.rate_limits", "pgboss.job"]));
    expect(rows).toBeGreaterThan(known.length);
    expect(leaks, "rows holding a plain code").toEqual([]);
  });

  it("leaves no plain code in any audit entry", async () => {
    const entries = await db.select().from(auditLog);
    expect(entries.length).toBeGreaterThan(10);
    const leaks = entries.flatMap((e) => scan(`audit_log ${e.action} on ${e.entityType} ${e.entityId ?? "-"}`, JSON.stringify(e)));
    expect(leaks, "audit entries holding a plain code").toEqual([]);
  });

  it("writes no plain code to a log line", () => {
    const leaks = logLines.flatMap((line, i) => scan(`log line ${i + 1}`, line));
    expect(leaks, "log lines holding a plain code").toEqual([]);
  });

  it("answers no plain code from any REST endpoint or back-office procedure", () => {
    expect(responses.length).toBeGreaterThan(30);
    const leaks = responses.flatMap(({ label, body }) => scan(label, JSON.stringify(body)));
    expect(leaks, "answers holding a plain code").toEqual([]);
  });
});
