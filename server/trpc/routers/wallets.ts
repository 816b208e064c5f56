import { z } from "zod";
import { contactWalletBalances } from "@/server/domain/wallet/contact-balances";
import { listPayoutsSchema, listSpendsSchema, payoutIdSchema, payoutQueueSchema, rejectPayoutSchema } from "@/server/domain/wallet/operation-schemas";
import { approvePayout, rejectPayout } from "@/server/domain/wallet/payouts/decide";
import { listPayouts, payoutQueue } from "@/server/domain/wallet/payouts/read";
import { listSpends } from "@/server/domain/wallet/spend-list";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("wallets.read");
const approve = capabilityProcedure("payouts.approve");

/** Wallet operations in the back office (D6): balances, spends, and finance's payout queue. */
export const walletsRouter = createTRPCRouter({
  balances: read.input(z.object({ contactId: z.string().uuid() })).query(({ ctx, input }) => contactWalletBalances(ctx.domain, input)),
  spends: read.input(listSpendsSchema).query(({ ctx, input }) => listSpends(ctx.domain, input)),
  payouts: read.input(listPayoutsSchema).query(({ ctx, input }) => listPayouts(ctx.domain, input)),
  payoutQueue: read.input(payoutQueueSchema).query(({ ctx, input }) => payoutQueue(ctx.domain, input)),
  approvePayout: approve.input(payoutIdSchema).mutation(({ ctx, input }) => approvePayout(ctx.domain, input)),
  rejectPayout: approve.input(rejectPayoutSchema).mutation(({ ctx, input }) => rejectPayout(ctx.domain, input)),
});
