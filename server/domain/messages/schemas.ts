import { z } from "zod";
import { pageInputSchema } from "../paging";

/** Mirrors the enums of db/schema/messages.ts; message rows are typed against them, so a drift fails to compile. */
export const messageChannels = ["EMAIL", "SMS"] as const;
export const messagePurposes = ["PASS_DELIVERY", "PASS_RESEND", "OTP"] as const;
export const messageStatuses = ["QUEUED", "SENT", "FAILED"] as const;

export type MessageChannel = (typeof messageChannels)[number];
export type MessagePurpose = (typeof messagePurposes)[number];
export type MessageStatus = (typeof messageStatuses)[number];

export const listMessagesSchema = pageInputSchema.extend({
  status: z.enum(messageStatuses).optional(),
  channel: z.enum(messageChannels).optional(),
  purpose: z.enum(messagePurposes).optional(),
  passId: z.string().uuid().optional(),
  /** Start of the recipient's address or number. */
  recipient: z.string().trim().max(200).optional(),
});
export type ListMessagesInput = z.infer<typeof listMessagesSchema>;

export const listOutboxSchema = pageInputSchema;
export type ListOutboxInput = z.infer<typeof listOutboxSchema>;
