import { z } from "zod";
import { issueElectronicPass } from "@/server/domain/passes/issue/issue-electronic";
import { resendEgift } from "@/server/domain/passes/issue/resend";
import { issueElectronicPassSchema, recipientSchema } from "@/server/domain/passes/issue/schemas";
import { defineEndpoint } from "../endpoint";

const tag = "Passes";

/** The issued pass as an integration sees it: the masked code only, never the code. */
const issuedPassSchema = z.object({
  passId: z.string().uuid(),
  planId: z.string().uuid(),
  codeMask: z.string().describe("Prefix and last characters; the code itself only reaches the recipient."),
  state: z.enum(["DRAFT", "ACTIVE", "REDEEMED", "CANCELLED", "EXPIRED"]),
  currency: z.string().nullable(),
  initialValueMinor: z.number().int().nullable(),
  remainingValueMinor: z.number().int().nullable(),
  usesCount: z.number().int(),
  maxUses: z.number().int(),
  expiresAt: z.date().nullable(),
  hasPin: z.boolean(),
  contactId: z.string().uuid().nullable(),
  customFields: z.record(z.unknown()),
  recipientEmail: z.string().nullable(),
  recipientPhone: z.string().nullable(),
  recipientName: z.string().nullable(),
  issuedAt: z.date(),
  messages: z.array(z.object({ id: z.string().uuid(), channel: z.enum(["EMAIL", "SMS"]), to: z.string() })).describe("Messages queued for delivery; each is retried on failure."),
});

export const issuePassEndpoint = defineEndpoint({
  method: "post",
  path: "/passes",
  scope: "passes:issue",
  tag,
  summary: "Issue an electronic pass",
  description:
    "Issues one ACTIVE pass of an active electronic plan to a contact (`contactId`) and/or a recipient email/phone, and sends its code by the plan's template. " +
    "`valueMinor` is required for variable-value plans and must lie in the plan's range. The answer never contains the code. Send an `Idempotency-Key` to retry safely.",
  input: issueElectronicPassSchema,
  output: issuedPassSchema,
  successStatus: 201,
  handle: issueElectronicPass,
});

export const resendPassEndpoint = defineEndpoint({
  method: "post",
  path: "/passes/{id}/resend",
  scope: "passes:manage",
  tag,
  summary: "Re-send an eGift",
  description: "Sends the same code again to the pass's recipient, or to a corrected one (stored on the pass). At most 3 re-sends per pass per hour (429).",
  input: z.object({ id: z.string().uuid("Not a pass id."), recipient: recipientSchema.optional() }),
  output: issuedPassSchema,
  handle: (ctx, { id, recipient }) => resendEgift(ctx, { passId: id, recipient }),
});

export const egiftEndpoints = [issuePassEndpoint, resendPassEndpoint];
