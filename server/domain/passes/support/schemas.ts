import { z } from "zod";

const reason = z.string().trim().min(1, "Say why.").max(500, "Use at most 500 characters.");

/** A lost gift pass is replaced (D5 support flows): the reason is kept in the audit trail. */
export const replaceLostPassSchema = z.object({ passId: z.string().uuid("Choose a pass."), reason });
export type ReplaceLostPassInput = z.infer<typeof replaceLostPassSchema>;

/** A pass redemption rolled back while its credited funds are unspent (D6). */
export const reverseRedemptionSchema = z.object({ redemptionId: z.string().uuid("Choose a redemption."), reason });
export type ReverseRedemptionInput = z.infer<typeof reverseRedemptionSchema>;
