import { z } from "zod";
import { contactWalletBalances } from "@/server/domain/wallet/contact-balances";
import {
  payoutViewSchema,
  redeemFundsSchema,
  redeemedFundsSchema,
  refundResultSchema,
  refundSpendSchema,
  requestPayoutSchema,
  spendResultSchema,
  spendSchema,
} from "@/server/domain/wallet/operation-schemas";
import { requestPayout } from "@/server/domain/wallet/payouts/request";
import { redeemFunds } from "@/server/domain/wallet/redeem-funds";
import { refundSpend } from "@/server/domain/wallet/refund";
import { walletBalancesSchema } from "@/server/domain/wallet/schemas";
import { spend } from "@/server/domain/wallet/spend";
import { defineEndpoint } from "../endpoint";

const tag = "Wallets";
const idempotent = "Send an `Idempotency-Key`: a retry with the same key and body answers the first result and moves money once; the same key with a different body answers 409 IDEMPOTENCY_KEY_REUSED.";

export const contactWalletsEndpoint = defineEndpoint({
  method: "get",
  path: "/contacts/{id}/wallets",
  scope: "wallets:read",
  tag,
  summary: "A contact's wallets and balances",
  description: "One wallet per currency: commerce pockets (business and per commerce pool), open funds, held funds, available = pockets + open.",
  output: z.array(walletBalancesSchema),
  handle: (ctx, params: { id: string }) => contactWalletBalances(ctx, { contactId: z.string().uuid("Not a contact id.").parse(params.id) }),
});

export const redeemFundsEndpoint = defineEndpoint({
  method: "post",
  path: "/wallets/redeem",
  scope: "wallets:spend",
  tag,
  summary: "Redeem commerce funds to open funds",
  description: `Converts up to \`amountMinor\` of the commerce funds eligible for the purchase (business pocket; pools containing the organisation, its merchant or the basket's product families; unexpired lots within their product conditions) into open funds. Answers what was redeemed (possibly 0). 422 SPENDING_BLOCKED for a blocked contact. ${idempotent}`,
  input: redeemFundsSchema,
  output: redeemedFundsSchema,
  handle: redeemFunds,
});

export const spendEndpoint = defineEndpoint({
  method: "post",
  path: "/wallets/spend",
  scope: "wallets:spend",
  tag,
  summary: "Spend wallet funds on a purchase",
  description: `Redeems the eligible commerce funds the open funds lack, then spends from open funds. With \`onlyIfEnoughFunds\` a shortfall refuses the whole spend; otherwise it spends what there is. 422 INSUFFICIENT_FUNDS when nothing (or not all, with onlyIfEnoughFunds) can be spent; 422 SPENDING_BLOCKED; 422 CURRENCY_MISMATCH. \`reference\` (the purchase or order) is unique per wallet: sending it again answers the first spend with \`replayed: true\`. ${idempotent}`,
  input: spendSchema,
  output: spendResultSchema,
  handle: spend,
  recordsKeyWithWrite: true,
});

export const refundSpendEndpoint = defineEndpoint({
  method: "post",
  path: "/spends/{id}/refunds",
  scope: "wallets:spend",
  tag,
  summary: "Refund a spend fully or partly",
  description: `Returns the amount (default: what is left) to the wallet's open funds with an entry reversing the spend. 409 INVALID_STATE when it exceeds what is left of the spend. ${idempotent}`,
  input: refundSpendSchema.omit({ spendId: true }).extend({ id: z.string().uuid("Not a spend id.") }),
  output: refundResultSchema,
  successStatus: 201,
  handle: (ctx, { id, ...rest }) => refundSpend(ctx, { ...rest, spendId: id }),
});

export const requestPayoutEndpoint = defineEndpoint({
  method: "post",
  path: "/payouts",
  scope: "payouts:write",
  tag,
  summary: "Request a payout of open funds",
  description: `Creates a REQUESTED payout for finance to approve in the back office; only open funds are paid out. 422 INSUFFICIENT_FUNDS, 422 SPENDING_BLOCKED. ${idempotent}`,
  input: requestPayoutSchema,
  output: payoutViewSchema,
  successStatus: 201,
  handle: requestPayout,
});

export const walletEndpoints = [contactWalletsEndpoint, redeemFundsEndpoint, spendEndpoint, refundSpendEndpoint, requestPayoutEndpoint];
