import { getWalletSettings, updateWalletSettings, walletSettingsSchema } from "@/server/domain/wallet/settings";
import { capabilityProcedure, createTRPCRouter } from "../init";

const settings = capabilityProcedure("settings.manage");

/** The business's wallet settings (D3): admin only; every change is audited by the domain. */
export const walletSettingsRouter = createTRPCRouter({
  get: settings.query(({ ctx }) => getWalletSettings(ctx.domain)),
  update: settings.input(walletSettingsSchema).mutation(({ ctx, input }) => updateWalletSettings(ctx.domain, input)),
});
