import { z } from "zod";
import { createLot } from "@/server/domain/passes/lots/commands";
import { getLot, listLotPasses, listLots } from "@/server/domain/passes/lots/read";
import { createLotSchema, listLotPassesSchema, listLotsSchema, lotPassStates } from "@/server/domain/passes/lots/schemas";
import { activateLot, cancelLot } from "@/server/domain/passes/lots/whole-lot-actions";
import { defineEndpoint } from "../endpoint";

const tag = "Lots";
const lotPath = { id: z.string().uuid("Not a lot id.") };

const lotSchema = z.object({
  id: z.string().uuid(),
  planId: z.string().uuid(),
  number: z.number().int(),
  kind: z.enum(["PRINTED", "ON_DEMAND"]),
  quantity: z.number().int().nullable().describe("Passes to generate; null for an electronic plan's on-demand lot."),
  generationState: z.enum(["PENDING", "GENERATING", "COMPLETED", "FAILED"]),
  generatedCount: z.number().int().describe("Passes written so far: the progress of the generation."),
  generationError: z.string().nullable(),
  generationStartedAt: z.date().nullable(),
  generationCompletedAt: z.date().nullable(),
  action: z.enum(["ACTIVATE", "CANCEL"]).nullable().describe("The whole-lot action last requested; it runs in the background."),
  actionState: z.enum(["PENDING", "RUNNING", "COMPLETED", "FAILED"]).nullable(),
  actionTotal: z.number().int().describe("Passes the action had to change when it was requested."),
  actionDone: z.number().int().describe("Passes changed so far: the progress of the action."),
  actionError: z.string().nullable(),
  actionRequestedAt: z.date().nullable(),
  actionCompletedAt: z.date().nullable(),
  createdAt: z.date(),
});

const stateCount = z.number().int();
const lotDetailSchema = lotSchema.extend({
  planName: z.string(),
  planDistribution: z.enum(["PRINTED", "ELECTRONIC"]),
  printingWebhookEnabled: z.boolean(),
  stateCounts: z.object({ DRAFT: stateCount, ACTIVE: stateCount, REDEEMED: stateCount, CANCELLED: stateCount, EXPIRED: stateCount }),
});

const lotPassSchema = z.object({
  id: z.string().uuid(),
  codeMask: z.string().describe("Prefix, an ellipsis and the last characters; the code itself is never returned."),
  state: z.enum(lotPassStates),
  contactId: z.string().uuid().nullable(),
  recipientName: z.string().nullable(),
  recipientEmail: z.string().nullable(),
  recipientPhone: z.string().nullable(),
  usesCount: z.number().int(),
  maxUses: z.number().int(),
  initialValueMinor: z.number().int().nullable(),
  currency: z.string().nullable(),
  expiresAt: z.date().nullable(),
  communication: z.array(z.enum(["PRINTED", "EMAIL", "SMS"])),
});

export const listLotsEndpoint = defineEndpoint({
  method: "get",
  path: "/lots",
  scope: "passes:read",
  tag,
  summary: "List the lots of a pass plan, with generation progress",
  input: listLotsSchema,
  output: z.object({ rows: z.array(lotSchema) }),
  handle: async (ctx, input) => ({ rows: await listLots(ctx, input) }),
});

export const createLotEndpoint = defineEndpoint({
  method: "post",
  path: "/lots",
  scope: "passes:manage",
  tag,
  summary: "Generate another lot of an active printed plan",
  description: "The lot is created PENDING and generated in the background; poll GET /lots/{id} for progress. The plan's maxPasses bounds all its lots together.",
  input: createLotSchema,
  output: lotDetailSchema,
  successStatus: 201,
  handle: createLot,
});

export const getLotEndpoint = defineEndpoint({
  method: "get",
  path: "/lots/{id}",
  scope: "passes:read",
  tag,
  summary: "Get a lot with its progress and its passes counted by state",
  input: z.object(lotPath),
  output: lotDetailSchema,
  handle: (ctx, input) => getLot(ctx, { lotId: input.id }),
});

export const listLotPassesEndpoint = defineEndpoint({
  method: "get",
  path: "/lots/{id}/passes",
  scope: "passes:read",
  tag,
  summary: "List the passes of a lot, a page at a time",
  description: "Keyset paging: pass `nextCursor` as `after` for the next page. `code` finds one pass by its exact code or code hash.",
  input: listLotPassesSchema.omit({ lotId: true }).extend({ ...lotPath, limit: z.coerce.number().int().min(1).max(200).default(50) }),
  output: z.object({ rows: z.array(lotPassSchema), nextCursor: z.string().uuid().nullable() }),
  handle: (ctx, { id, ...input }) => listLotPasses(ctx, { ...input, lotId: id }),
});

export const activateLotEndpoint = defineEndpoint({
  method: "post",
  path: "/lots/{id}/activate",
  scope: "passes:manage",
  tag,
  summary: "Activate every draft pass of a printed lot, in the background (poll the lot for its progress)",
  input: z.object(lotPath),
  output: lotDetailSchema,
  successStatus: 202,
  handle: (ctx, input) => activateLot(ctx, { lotId: input.id }),
});

export const cancelLotEndpoint = defineEndpoint({
  method: "post",
  path: "/lots/{id}/cancel",
  scope: "passes:manage",
  tag,
  summary: "Cancel every draft or active pass of a printed lot, in the background (poll the lot for its progress)",
  input: z.object(lotPath),
  output: lotDetailSchema,
  successStatus: 202,
  handle: (ctx, input) => cancelLot(ctx, { lotId: input.id }),
});

export const lotEndpoints = [listLotsEndpoint, createLotEndpoint, getLotEndpoint, listLotPassesEndpoint, activateLotEndpoint, cancelLotEndpoint];
