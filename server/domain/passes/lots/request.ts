import { queues } from "@/server/jobs/queues";
import type { DomainContext } from "../../context";
import { enqueueJob } from "../../job-queue";

/**
 * Asks the worker to generate a PENDING lot, in the caller's transaction (plan activation,
 * another lot, a retry). One job per lot at a time: a second request while one waits is a no-op.
 */
export async function requestLotGeneration(ctx: DomainContext, lotId: string): Promise<void> {
  await enqueueJob(ctx, queues.generateLot, { lotId }, { singletonKey: lotId });
}
