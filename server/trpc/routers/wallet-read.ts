import { contactWallets } from "@/server/domain/wallet/read/contact-wallets";
import { listCreditLots } from "@/server/domain/wallet/read/credit-lots";
import { contactWalletsSchema, listCreditLotsSchema, walletStatementSchema } from "@/server/domain/wallet/read/schemas";
import { walletStatement } from "@/server/domain/wallet/read/statement";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("wallets.read");

/** A contact's wallets as the back office reads them (D3, D4): balances, credit lots, statement. */
export const walletReadRouter = createTRPCRouter({
  byContact: read.input(contactWalletsSchema).query(({ ctx, input }) => contactWallets(ctx.domain, input)),
  creditLots: read.input(listCreditLotsSchema).query(({ ctx, input }) => listCreditLots(ctx.domain, input)),
  statement: read.input(walletStatementSchema).query(({ ctx, input }) => walletStatement(ctx.domain, input)),
});
