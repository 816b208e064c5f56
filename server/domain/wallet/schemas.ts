import { z } from "zod";

/** A wallet's balances as the API answers them (see balances.ts). */
export const walletBalancesSchema = z.object({
  walletId: z.string().uuid(),
  currency: z.string().length(3),
  pockets: z.array(z.object({ accountId: z.string().uuid(), commercePoolId: z.string().uuid().nullable(), balanceMinor: z.number().int() })),
  openMinor: z.number().int(),
  heldMinor: z.number().int(),
  availableMinor: z.number().int(),
  totalMinor: z.number().int(),
});
