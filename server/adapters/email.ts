import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/env";
import type { MessageTransport } from "@/server/domain/messages/transport";

const transporters = new Map<string, Transporter>();

/** The sender address: no-reply at the app's own host. */
const senderAddress = () => `Tessera <no-reply@${new URL(env.APP_URL).hostname}>`;

/** Email through SMTP (nodemailer), one pooled transporter per SMTP URL. */
export function smtpTransport(smtpUrl: string): MessageTransport {
  return async (message) => {
    let transporter = transporters.get(smtpUrl);
    if (!transporter) transporters.set(smtpUrl, (transporter = nodemailer.createTransport(smtpUrl)));
    await transporter.sendMail({ from: senderAddress(), to: message.to, subject: message.subject ?? "", text: message.body, messageId: `<${message.id}@tessera>` });
  };
}
