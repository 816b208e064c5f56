import type PgBoss from "pg-boss";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { messages } from "@/db/schema";
import { queueMessage } from "@/server/domain/messages/queue";
import type { DeliverMessageJob } from "@/server/domain/messages/queue";
import type { MessageTransports } from "@/server/domain/messages/transport";
import { contextAs, testDatabase } from "@/test/db";
import { runDeliveryJob } from "./deliver-message";

const database = testDatabase();

const refusing: MessageTransports = {
  EMAIL: () => Promise.reject(new Error("421 Service not available")),
  SMS: () => Promise.reject(new Error("The SMS gateway answered 503.")),
};

const jobFor = (messageId: string, retryCount: number) => ({ data: { messageId }, retryCount, retryLimit: 6 }) as PgBoss.JobWithMetadata<DeliverMessageJob>;

describe("message delivery job", () => {
  it("throws while retries remain, so pg-boss retries with backoff, and gives up as FAILED on the last one", async () => {
    const ctx = await contextAs("support");
    const { id } = await queueMessage(ctx, { channel: "SMS", to: "+447700900127", body: "b", purpose: "OTP" });
    await expect(runDeliveryJob(database, refusing, jobFor(id, 0))).rejects.toThrow("will be retried");
    await expect(runDeliveryJob(database, refusing, jobFor(id, 6))).resolves.toBeUndefined();
    const [row] = await ctx.db.select().from(messages).where(eq(messages.id, id));
    expect(row).toMatchObject({ status: "FAILED", attempts: 2, lastError: "The SMS gateway answered 503." });
  });
});
