import PgBoss from "pg-boss";
import { sql, type SQL } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import type { QueueName } from "@/server/jobs/queues";
import type { DomainContext } from "./context";

/**
 * pg-boss only builds the job's INSERT here; every send passes the caller's transaction as its
 * database, so a job exists iff the command that asked for it commits (no job for a rolled-back
 * lot, no lost job after a commit).
 */
let sender: PgBoss | undefined;

function jobSender(): PgBoss {
  sender ??= new PgBoss({
    db: {
      executeSql: () => Promise.reject(new Error("Jobs are sent only through a command's transaction.")),
    },
  });
  return sender;
}

/** pg-boss's values as SQL parameters both drivers bind the same way. */
function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value;
}

/** Runs pg-boss's `$n` SQL through drizzle, inside the caller's transaction. */
function throughTransaction(ctx: DomainContext): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const pieces = text.split(/\$(\d+)/);
      const chunks: SQL[] = pieces.map((piece, i) => (i % 2 === 0 ? sql.raw(piece) : sql`${parameter(values[Number(piece) - 1])}`));
      return { rows: rowsOf(await ctx.db.execute(sql.join(chunks))) };
    },
  };
}

export interface EnqueueOptions {
  /** With a `stately` queue: at most one queued and one running job per key. */
  singletonKey?: string;
  startAfter?: Date;
}

/** Enqueues a job in the caller's transaction; returns its id, or null when the singleton key already waits. */
export async function enqueueJob(ctx: DomainContext, queue: QueueName, data: Record<string, unknown>, options: EnqueueOptions = {}): Promise<string | null> {
  return jobSender().send(queue, data, { ...options, db: throughTransaction(ctx) });
}
