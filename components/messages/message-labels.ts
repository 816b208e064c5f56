import type { BadgeTone } from "@/components/ui/badge";
import type { MessageChannel, MessagePurpose, MessageStatus } from "@/server/domain/messages/schemas";

export const channelLabels: Record<MessageChannel, string> = { EMAIL: "Email", SMS: "SMS" };
export const purposeLabels: Record<MessagePurpose, string> = { PASS_DELIVERY: "Pass delivery", PASS_RESEND: "Pass re-send", OTP: "One-time code" };
export const statusLabels: Record<MessageStatus, string> = { QUEUED: "Queued", SENT: "Sent", FAILED: "Failed" };
export const statusTones: Record<MessageStatus, BadgeTone> = { QUEUED: "info", SENT: "success", FAILED: "danger" };
