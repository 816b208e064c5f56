import { createCallerFactory, createTRPCRouter } from "./init";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { contactsRouter } from "./routers/contacts";
import { dashboardRouter } from "./routers/dashboard";
import { egiftsRouter } from "./routers/egifts";
import { lotsRouter } from "./routers/lots";
import { messagesRouter } from "./routers/messages";
import { networkRouter } from "./routers/network";
import { passPlansRouter } from "./routers/pass-plans";
import { passSupportRouter } from "./routers/pass-support";
import { passesRouter } from "./routers/passes";
import { passesSummaryRouter } from "./routers/passes-summary";
import { usersRouter } from "./routers/users";
import { walletSettingsRouter } from "./routers/wallet-settings";
import { walletAdjustmentsRouter } from "./routers/wallet-adjustments";
import { walletReadRouter } from "./routers/wallet-read";
import { walletsRouter } from "./routers/wallets";

export const appRouter = createTRPCRouter({
  users: usersRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  contacts: contactsRouter,
  dashboard: dashboardRouter,
  egifts: egiftsRouter,
  lots: lotsRouter,
  messages: messagesRouter,
  network: networkRouter,
  passPlans: passPlansRouter,
  passes: passesRouter,
  passSupport: passSupportRouter,
  walletSettings: walletSettingsRouter,
  passesSummary: passesSummaryRouter,
  walletRead: walletReadRouter,
  wallets: walletsRouter,
  walletAdjustments: walletAdjustmentsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
