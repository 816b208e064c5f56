import { eq } from "drizzle-orm";
import { settings } from "@/db/schema";
import { recordAudit } from "../../../audit/record";
import { inTransaction, type DomainContext } from "../../../context";
import { printingHouseSettingsSchema, type PrintingHouseSettings } from "../schemas";

const key = "printingHouse";

/** Where printed lots are announced; `url: null` until an admin sets it. */
export async function getPrintingHouseSettings(ctx: DomainContext): Promise<PrintingHouseSettings> {
  const [row] = await ctx.db.select().from(settings).where(eq(settings.key, key));
  const parsed = printingHouseSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { url: null };
}

export async function updatePrintingHouseSettings(ctx: DomainContext, input: PrintingHouseSettings): Promise<PrintingHouseSettings> {
  const value = printingHouseSettingsSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const before = await getPrintingHouseSettings(tx);
    await tx.db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
    await recordAudit(tx, { action: "settings.printing_house_updated", entityType: "settings", before, after: value });
    return value;
  });
}
