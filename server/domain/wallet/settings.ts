import { eq } from "drizzle-orm";
import { z } from "zod";
import { settings } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { inTransaction, type DomainContext } from "../context";

const key = "wallets";

export const walletSettingsSchema = z.object({
  /**
   * Whether a registered contact who already has a wallet in another currency gets a new wallet
   * in a pass plan's currency when redeeming; when false that redemption is CURRENCY_MISMATCH.
   */
  openWalletInPlanCurrency: z.boolean(),
});
export type WalletSettings = z.infer<typeof walletSettingsSchema>;

const defaults: WalletSettings = { openWalletInPlanCurrency: false };

export async function getWalletSettings(ctx: DomainContext): Promise<WalletSettings> {
  const [row] = await ctx.db.select().from(settings).where(eq(settings.key, key));
  const parsed = walletSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : defaults;
}

export async function updateWalletSettings(ctx: DomainContext, input: WalletSettings): Promise<WalletSettings> {
  const value = walletSettingsSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await getWalletSettings(tx);
    await tx.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    await recordAudit(tx, { action: "settings.wallets_updated", entityType: "settings", before, after: value });
    return value;
  });
}
