import type { BadgeTone } from "@/components/ui/badge";
import type { LotSummary } from "@/server/domain/passes/lots/read";

type GenerationState = LotSummary["generationState"];

export const generationLabels: Record<GenerationState, { label: string; tone: BadgeTone }> = {
  PENDING: { label: "Waiting to generate", tone: "neutral" },
  GENERATING: { label: "Generating", tone: "info" },
  COMPLETED: { label: "Generated", tone: "success" },
  FAILED: { label: "Generation failed", tone: "danger" },
};

export const passStateLabels = {
  DRAFT: { label: "Draft", tone: "neutral" },
  ACTIVE: { label: "Active", tone: "success" },
  REDEEMED: { label: "Redeemed", tone: "info" },
  CANCELLED: { label: "Cancelled", tone: "danger" },
  EXPIRED: { label: "Expired", tone: "warning" },
} as const satisfies Record<string, { label: string; tone: BadgeTone }>;

export const isGenerating = (lot: Pick<LotSummary, "generationState">) => lot.generationState === "PENDING" || lot.generationState === "GENERATING";

export const lotProgress = (lot: Pick<LotSummary, "generatedCount" | "quantity">) => (lot.quantity ? lot.generatedCount / lot.quantity : 1);

export const count = (n: number) => n.toLocaleString("en");

type LotActionFields = Pick<LotSummary, "action" | "actionState" | "actionDone" | "actionTotal">;

export const actionProgress = (lot: LotActionFields) => (lot.actionTotal ? lot.actionDone / lot.actionTotal : 1);

export const actionWords = {
  ACTIVATE: { noun: "Activation", done: "activated", doing: "activate" },
  CANCEL: { noun: "Cancellation", done: "cancelled", doing: "cancel" },
} as const;
