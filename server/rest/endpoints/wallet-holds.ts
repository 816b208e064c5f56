import { z } from "zod";
import { adjustWallet } from "@/server/domain/wallet/adjustments/adjust";
import { adjustWalletSchema, walletAdjustmentSchema } from "@/server/domain/wallet/adjustments/schemas";
import { captureHold, releaseHold } from "@/server/domain/wallet/holds/close";
import { placeHold } from "@/server/domain/wallet/holds/place";
import { captureHoldSchema, holdViewSchema, placeHoldSchema } from "@/server/domain/wallet/holds/schemas";
import { defineEndpoint } from "../endpoint";

const tag = "Wallets";
const idempotent = "Send an `Idempotency-Key`: a retry with the same key and body answers the first result and moves money once; the same key with a different body answers 409 IDEMPOTENCY_KEY_REUSED.";
const holdId = z.string().uuid("Not a hold id.");

export const placeHoldEndpoint = defineEndpoint({
  method: "post",
  path: "/holds",
  scope: "wallets:spend",
  tag,
  summary: "Hold wallet funds for a purchase estimate",
  description: `Reserves \`amountMinor\` (all or nothing) for \`expiresInMinutes\` (default 15): eligible unexpired commerce lots first (business pocket; pools containing the organisation, its merchant or the basket's families; soonest-expiring first, within product conditions), then open funds. Held funds are not available until the hold is captured, released or expires. 422 INSUFFICIENT_FUNDS, SPENDING_BLOCKED, CURRENCY_MISMATCH. ${idempotent}`,
  input: placeHoldSchema,
  output: holdViewSchema,
  successStatus: 201,
  handle: placeHold,
});

export const captureHoldEndpoint = defineEndpoint({
  method: "post",
  path: "/holds/{id}/capture",
  scope: "wallets:spend",
  tag,
  summary: "Capture a hold",
  description: `Moves the captured amount (all of the hold, or \`amountMinor\` of it) to settlement and returns the rest to where it came from. 409 INVALID_STATE if the hold was already captured, released or expired. ${idempotent}`,
  input: captureHoldSchema.omit({ holdId: true }).extend({ id: holdId }),
  output: holdViewSchema,
  handle: (ctx, { id, ...rest }) => captureHold(ctx, { ...rest, holdId: id }),
});

export const releaseHoldEndpoint = defineEndpoint({
  method: "post",
  path: "/holds/{id}/release",
  scope: "wallets:spend",
  tag,
  summary: "Release a hold",
  description: `Returns every held cent to the credit lots and open funds it came from. 409 INVALID_STATE if the hold was already captured, released or expired. ${idempotent}`,
  input: z.object({ id: holdId }),
  output: holdViewSchema,
  handle: (ctx, { id }) => releaseHold(ctx, { holdId: id }),
});

export const adjustWalletEndpoint = defineEndpoint({
  method: "post",
  path: "/wallets/adjustments",
  scope: "wallets:adjust",
  tag,
  summary: "Adjust a wallet manually",
  description: `A correction with a mandatory \`reason\` (at least 5 characters), audited. \`funds\` chooses what it corrects. COMMERCE (default) — positive: a new credit lot (business pocket or \`commercePoolId\`'s, optional \`expiresAt\`); negative: taken from unexpired lots soonest-expiring first regardless of product conditions (422 INSUFFICIENT_FUNDS if they hold less); open and held funds are untouched. OPEN — the open funds, with no pool, expiry or lot; a negative amount may take only the available open funds (held funds are not available; 422 INSUFFICIENT_FUNDS otherwise). ${idempotent}`,
  input: adjustWalletSchema,
  output: walletAdjustmentSchema,
  successStatus: 201,
  handle: adjustWallet,
});

export const walletHoldEndpoints = [placeHoldEndpoint, captureHoldEndpoint, releaseHoldEndpoint, adjustWalletEndpoint];
