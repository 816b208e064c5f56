import { adjustWallet } from "@/server/domain/wallet/adjustments/adjust";
import { adjustWalletSchema } from "@/server/domain/wallet/adjustments/schemas";
import { capabilityProcedure, createTRPCRouter } from "../init";

const adjust = capabilityProcedure("wallets.adjust");

/** Manual wallet adjustments (issue #4 item 9): finance and admin only. */
export const walletAdjustmentsRouter = createTRPCRouter({
  adjust: adjust.input(adjustWalletSchema).mutation(({ ctx, input }) => adjustWallet(ctx.domain, input)),
});
