import type PgBoss from "pg-boss";

/** The background queues; each has one worker file in server/jobs. */
export const queues = {
  purgeExpiredRecords: "purge-expired-records",
  generateLot: "generate-lot",
  runLotAction: "run-lot-action",
  printingHouseWebhook: "printing-house-webhook",
  deliverMessage: "deliver-message",
  expirePasses: "expire-passes",
  expireHolds: "expire-holds",
  expireCreditLots: "expire-credit-lots",
  rollUpPassesSummary: "roll-up-passes-summary",
  settleStuckPayouts: "settle-stuck-payouts",
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

/**
 * How each queue behaves. `stately` with the lot id as singleton key keeps at most one queued and
 * one running job per lot, so a second request while one waits is a no-op.
 */
export const queueSettings: Record<QueueName, Omit<PgBoss.Queue, "name">> = {
  [queues.purgeExpiredRecords]: {},
  [queues.generateLot]: { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 * 60 },
  /** A failed run resumes after 30 s, 60 s, 120 s: the passes already changed are skipped. */
  [queues.runLotAction]: { policy: "stately", retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 60 * 60 },
  [queues.printingHouseWebhook]: { policy: "stately", retryLimit: 8, retryDelay: 30, retryBackoff: true },
  /** About 10 s, 20 s, 40 s … between attempts: a carrier's short outage does not lose a code. */
  [queues.deliverMessage]: { retryLimit: 6, retryDelay: 10, retryBackoff: true, expireInSeconds: 120 },
  /** Hourly; one run at a time, and a missed run is simply caught up by the next. */
  [queues.expirePasses]: { policy: "singleton", expireInSeconds: 30 * 60 },
  /** Every minute; one run at a time. */
  [queues.expireHolds]: { policy: "singleton", expireInSeconds: 5 * 60 },
  /** Hourly; one run at a time, and a missed run is caught up by the next. */
  [queues.expireCreditLots]: { policy: "singleton", expireInSeconds: 30 * 60 },
  /** Every minute; one run at a time. */
  [queues.rollUpPassesSummary]: { policy: "singleton", expireInSeconds: 5 * 60 },
  /** Every 5 minutes; one run at a time, and a missed run is caught up by the next. */
  [queues.settleStuckPayouts]: { policy: "singleton", expireInSeconds: 5 * 60 },
};
