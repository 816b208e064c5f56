import { z } from "zod";
import { currencyCodeSchema } from "../../network/schemas";
import { basketLineSchema } from "../operation-schemas";
import { holdStates } from "./states";

const minor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const placeHoldSchema = z.object({
  contactId: z.string().uuid(),
  currency: currencyCodeSchema,
  amountMinor: minor,
  /** Default 15 (D4); at most a day. */
  expiresInMinutes: z.number().int().min(1).max(24 * 60).default(15),
  /** The caller's reference, e.g. a purchase estimate id. */
  reference: z.string().trim().min(1).max(200).optional(),
  /** The purchase's organisation: the business pocket plus the pools containing it (or a basket family) are eligible; neither: the business pocket and open funds only. */
  organisationId: z.string().uuid().optional(),
  basket: z.array(basketLineSchema).max(500).optional(),
});
export type PlaceHoldInput = z.input<typeof placeHoldSchema>;

export const captureHoldSchema = z.object({
  holdId: z.string().uuid(),
  /** Omitted: the whole hold. Less than the hold: the rest is released. */
  amountMinor: minor.optional(),
});
export type CaptureHoldInput = z.input<typeof captureHoldSchema>;

export const releaseHoldSchema = z.object({ holdId: z.string().uuid() });
export type ReleaseHoldInput = z.input<typeof releaseHoldSchema>;

/** A hold as the API answers it. */
export const holdViewSchema = z.object({
  holdId: z.string().uuid(),
  walletId: z.string().uuid(),
  contactId: z.string().uuid(),
  currency: z.string().length(3),
  amountMinor: z.number().int(),
  capturedMinor: z.number().int(),
  state: z.enum(holdStates),
  expiresAt: z.date(),
  reference: z.string().nullable(),
  holdEntryId: z.string().uuid(),
  closingEntryId: z.string().uuid().nullable(),
});
export type HoldView = z.infer<typeof holdViewSchema>;
