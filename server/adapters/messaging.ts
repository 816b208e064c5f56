import { env } from "@/env";
import type { MessageTransports } from "@/server/domain/messages/transport";
import { smtpTransport } from "./email";
import { localOutboxTransport } from "./local-outbox";
import { smsGatewayTransport } from "./sms-gateway";

/** Whether a channel's messages go to the local outbox rather than to a real carrier. */
export const capturesLocally = { EMAIL: !env.SMTP_URL, SMS: !env.SMS_GATEWAY_URL };

/** The configured carriers; a channel without one is captured in the local outbox. */
export function transportsFromEnv(): MessageTransports {
  return {
    EMAIL: env.SMTP_URL ? smtpTransport(env.SMTP_URL) : localOutboxTransport,
    SMS: env.SMS_GATEWAY_URL ? smsGatewayTransport(env.SMS_GATEWAY_URL) : localOutboxTransport,
  };
}
