import { and, count, desc, eq, ilike, type SQL } from "drizzle-orm";
import { messages, passes } from "@/db/schema";
import type { DomainContext } from "../context";
import { pageOf } from "../paging";
import type { ListMessagesInput } from "./schemas";

/** What the send log shows: everything but the content, which stays sealed. */
const messageLogColumns = {
  id: messages.id,
  channel: messages.channel,
  purpose: messages.purpose,
  recipient: messages.recipient,
  status: messages.status,
  attempts: messages.attempts,
  lastError: messages.lastError,
  lastAttemptAt: messages.lastAttemptAt,
  sentAt: messages.sentAt,
  createdAt: messages.createdAt,
  passId: messages.passId,
  passCodeMask: passes.codeMask,
  contactId: messages.contactId,
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest first, filtered by status, channel, purpose, pass or the start of the recipient. */
export async function listMessages(ctx: DomainContext, input: ListMessagesInput) {
  const filters: (SQL | undefined)[] = [
    input.status ? eq(messages.status, input.status) : undefined,
    input.channel ? eq(messages.channel, input.channel) : undefined,
    input.purpose ? eq(messages.purpose, input.purpose) : undefined,
    input.passId ? eq(messages.passId, input.passId) : undefined,
    input.recipient ? ilike(messages.recipient, `${escapeLike(input.recipient)}%`) : undefined,
  ];
  const where = and(...filters);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(messageLogColumns)
      .from(messages)
      .leftJoin(passes, eq(passes.id, messages.passId))
      .where(where)
      .orderBy(desc(messages.createdAt), desc(messages.id))
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    ctx.db.select({ value: count() }).from(messages).where(where),
  ]);
  return pageOf(rows, total?.value ?? 0, input);
}
