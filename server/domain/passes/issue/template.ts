import { format } from "date-fns";
import type { CommunicationTemplate } from "@/db/schema";
import { formatMoney } from "../../money";

export interface TemplateValues {
  /** The plain code: in memory only, sealed with the message as soon as it is rendered. */
  code: string;
  valueMinor: number | null;
  currency: string | null;
  minorUnits: number;
  expiresAt: Date | null;
  name: string | null;
}

export interface RenderedMessage {
  channel: "EMAIL" | "SMS";
  subject: string | null;
  body: string;
}

function fill(text: string, values: TemplateValues): string {
  const filled: Record<string, string> = {
    code: values.code,
    value: values.valueMinor != null && values.currency ? formatMoney({ amountMinor: values.valueMinor, currency: values.currency }, values.minorUnits) : "",
    expiry: values.expiresAt ? format(values.expiresAt, "d MMMM yyyy") : "no expiry",
    name: values.name ?? "",
  };
  return text.replace(/\{\{\s*(code|value|expiry|name)\s*\}\}/g, (_, key: string) => filled[key] ?? "");
}

/** The plan's template filled for one pass, for each of the given channels. */
export function renderTemplate(template: CommunicationTemplate, channels: readonly ("EMAIL" | "SMS")[], values: TemplateValues): RenderedMessage[] {
  return channels.map((channel) =>
    channel === "EMAIL"
      ? { channel, subject: fill(template.emailSubject ?? "", values), body: fill(template.emailBody ?? "", values) }
      : { channel, subject: null, body: fill(template.smsBody ?? "", values) },
  );
}
