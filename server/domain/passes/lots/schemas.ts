import { z } from "zod";

export const lotIdSchema = z.object({ lotId: z.string().uuid("Not a lot id.") });
export type LotIdInput = z.infer<typeof lotIdSchema>;

export const listLotsSchema = z.object({ planId: z.string().uuid("Not a plan id.") });
export type ListLotsInput = z.infer<typeof listLotsSchema>;

export const createLotSchema = z.object({
  planId: z.string().uuid("Not a plan id."),
  quantity: z.number({ invalid_type_error: "Enter a number of passes." }).int("Enter a whole number.").min(1, "Generate at least one pass.").max(1_000_000, "At most 1,000,000 passes per lot."),
});
export type CreateLotInput = z.infer<typeof createLotSchema>;

export const lotPassStates = ["DRAFT", "ACTIVE", "REDEEMED", "CANCELLED", "EXPIRED"] as const;

export const listLotPassesSchema = z.object({
  lotId: z.string().uuid("Not a lot id."),
  state: z.enum(lotPassStates).optional(),
  /** An exact code (or its hash): found through the keyed hash, never by scanning. */
  code: z.string().trim().min(1).max(200).optional(),
  /** Keyset cursor: the id of the last pass of the previous page. */
  after: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type ListLotPassesInput = z.infer<typeof listLotPassesSchema>;

export const printingHouseSettingsSchema = z.object({
  url: z.string().trim().url("Enter a full URL, e.g. https://print.example.com/hooks/tessera.").nullable(),
});
export type PrintingHouseSettings = z.infer<typeof printingHouseSettingsSchema>;

export const lotDownloadSchema = z.object({ token: z.string().min(20).max(200) });
