import type { lots } from "@/db/schema";

/**
 * A whole-lot action waiting for the worker or running: no other may start, and the lot pages
 * poll its progress. Free of server code, so the UI shares it.
 */
export const isActionUnderWay = (lot: Pick<typeof lots.$inferSelect, "actionState">) => lot.actionState === "PENDING" || lot.actionState === "RUNNING";
