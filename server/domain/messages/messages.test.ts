import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "@/db/rows";
import { domainEvents, messages } from "@/db/schema";
import { smtpTransport } from "@/server/adapters/email";
import { listCapturedMessages, localOutboxTransport } from "@/server/adapters/local-outbox";
import { smsGatewayTransport } from "@/server/adapters/sms-gateway";
import { contextAs, testDatabase, unique } from "@/test/db";
import { inTransaction } from "../context";
import { deliverMessage } from "./deliver";
import { listMessages } from "./list";
import { queueMessage } from "./queue";
import { startSmsGateway, startSmtpServer } from "./test-servers";
import type { MessageTransports } from "./transport";

testDatabase();
const smtp = await startSmtpServer();
const gateway = await startSmsGateway();

const transports: MessageTransports = { EMAIL: smtpTransport(smtp.url), SMS: smsGatewayTransport(gateway.url) };
const secretCode = () => unique("GIFT").toUpperCase();

async function messageRow(id: string) {
  const [row] = await (await contextAs("admin")).db.select().from(messages).where(eq(messages.id, id));
  return row!;
}

describe("queueMessage", () => {
  it("logs the message with its content sealed and enqueues its delivery in the same transaction", async () => {
    const ctx = await contextAs("support");
    const code = secretCode();
    const { id } = await queueMessage(ctx, { channel: "EMAIL", to: "ann@example.com", subject: `Your code ${code}`, body: `Code: ${code}`, purpose: "PASS_DELIVERY" });
    const row = await messageRow(id);
    expect(row).toMatchObject({ status: "QUEUED", attempts: 0, recipient: "ann@example.com", channel: "EMAIL" });
    const stored = rowsOf<Record<string, unknown>>(await ctx.db.execute(sql`select * from messages where id = ${id}`));
    expect(JSON.stringify(stored)).not.toContain(code);
    const jobs = rowsOf<{ data: unknown }>(await ctx.db.execute(sql`select data from pgboss.job where name = 'deliver-message' and data->>'messageId' = ${id}`));
    expect(jobs).toEqual([{ data: { messageId: id } }]);
  });

  it("leaves neither message nor job behind when the command rolls back", async () => {
    const ctx = await contextAs("support");
    const to = `${unique("rollback")}@example.com`;
    await expect(
      inTransaction(ctx, async (tx) => {
        await queueMessage(tx, { channel: "EMAIL", to, body: "x", purpose: "OTP" });
        throw new Error("command failed");
      }),
    ).rejects.toThrow("command failed");
    expect(await ctx.db.select().from(messages).where(eq(messages.recipient, to))).toEqual([]);
  });
});

describe("delivery", () => {
  it("sends an email through a real SMTP server, then marks it SENT", async () => {
    const ctx = await contextAs("support");
    const code = secretCode();
    const to = `${unique("mail")}@example.com`;
    const { id } = await queueMessage(ctx, { channel: "EMAIL", to, subject: "Your gift", body: `Your code is ${code}`, purpose: "PASS_DELIVERY" });
    expect(await deliverMessage(ctx, transports, { messageId: id, finalAttempt: false })).toBe("SENT");
    const mail = smtp.received.find((m) => m.to.includes(to));
    expect(mail?.raw).toContain(`Your code is ${code}`);
    expect(mail?.raw).toContain("Subject: Your gift");
    expect(await messageRow(id)).toMatchObject({ status: "SENT", attempts: 1, lastError: null, sentAt: expect.any(Date) });
    const events = await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, id));
    expect(events.map((e) => e.type)).toEqual(["message.sent"]);
    expect(await deliverMessage(ctx, transports, { messageId: id, finalAttempt: false })).toBe("SKIPPED");
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it("counts a refused attempt, keeps the message QUEUED with the error, and succeeds on retry", async () => {
    const ctx = await contextAs("support");
    const to = `${unique("retry")}@example.com`;
    const { id } = await queueMessage(ctx, { channel: "EMAIL", to, subject: "s", body: "b", purpose: "PASS_DELIVERY" });
    smtp.refuseNext(1);
    expect(await deliverMessage(ctx, transports, { messageId: id, finalAttempt: false })).toBe("RETRY");
    const failed = await messageRow(id);
    expect(failed).toMatchObject({ status: "QUEUED", attempts: 1, sentAt: null });
    expect(failed.lastError).toMatch(/451|busy/i);
    expect(await deliverMessage(ctx, transports, { messageId: id, finalAttempt: false })).toBe("SENT");
    expect(await messageRow(id)).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);
  });

  it("marks the message FAILED when the last attempt fails, with an event", async () => {
    const ctx = await contextAs("support");
    const { id } = await queueMessage(ctx, { channel: "EMAIL", to: `${unique("fail")}@example.com`, body: "b", purpose: "OTP" });
    smtp.refuseNext(1);
    expect(await deliverMessage(ctx, transports, { messageId: id, finalAttempt: true })).toBe("FAILED");
    expect(await messageRow(id)).toMatchObject({ status: "FAILED", attempts: 1 });
    const events = await ctx.db.select().from(domainEvents).where(eq(domainEvents.entityId, id));
    expect(events.map((e) => e.type)).toEqual(["message.failed"]);
  });

  it("posts an SMS to the HTTP gateway, and records a refusal without echoing the content", async () => {
    const ctx = await contextAs("support");
    const code = secretCode();
    const to = `+3361${Math.floor(Math.random() * 1e7)}`;
    const { id } = await queueMessage(ctx, { channel: "SMS", to, body: `Code ${code}`, purpose: "OTP" });
    gateway.state.status = 503;
    expect(await deliverMessage(ctx, transports, { messageId: id, finalAttempt: false })).toBe("RETRY");
    const refused = await messageRow(id);
    expect(refused.lastError).toContain("503");
    expect(refused.lastError).not.toContain(code);
    gateway.state.status = 200;
    expect(await deliverMessage(ctx, transports, { messageId: id, finalAttempt: false })).toBe("SENT");
    expect(gateway.received).toContainEqual({ to, body: `Code ${code}`, reference: id });
  });

  it("captures messages in the local outbox, newest first", async () => {
    const ctx = await contextAs("support");
    const code = secretCode();
    const { id } = await queueMessage(ctx, { channel: "SMS", to: "+33600000000", body: `Code ${code}`, purpose: "OTP" });
    const local: MessageTransports = { EMAIL: localOutboxTransport, SMS: localOutboxTransport };
    expect(await deliverMessage(ctx, local, { messageId: id, finalAttempt: false })).toBe("SENT");
    const outbox = await listCapturedMessages({ page: 0, pageSize: 200 });
    expect(outbox.rows.find((m) => m.id === id)).toMatchObject({ channel: "SMS", to: "+33600000000", body: `Code ${code}`, subject: null });
  });
});

describe("message log", () => {
  it("lists status, attempts and recipient but never the content", async () => {
    const ctx = await contextAs("support");
    const to = `${unique("log")}@example.com`;
    const code = secretCode();
    await queueMessage(ctx, { channel: "EMAIL", to, subject: code, body: code, purpose: "PASS_DELIVERY" });
    const page = await listMessages(ctx, { page: 0, pageSize: 10, recipient: to });
    expect(page.total).toBe(1);
    expect(page.rows[0]).toMatchObject({ recipient: to, status: "QUEUED", attempts: 0, channel: "EMAIL", purpose: "PASS_DELIVERY" });
    expect(JSON.stringify(page)).not.toContain(code);
    expect(page.rows[0]).not.toHaveProperty("contentCiphertext");
  });
});
