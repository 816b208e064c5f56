import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db } from "@/db";
import { rowsOf } from "@/db/rows";
import type { DomainContext } from "./context";
import { claimArgument, claimToRecord, IdempotencyKeyTaken, isKeyTaken, type IdempotencyClaim } from "./idempotency-claim";
import { callSqlFunction, sqlFunctionError, type SqlErrors, type SqlFunction } from "./sql-functions";

/** Calls in one statement at most; a batch is one transaction, so this bounds its row locks too. */
const maxBatch = 32;
/**
 * Statements running at once per function and process. Normally one: the calls made while it
 * runs leave together as the next batch. A second one at all times halved the batches (REST
 * redemptions with 32 clients: 4.7 calls per batch instead of 11.6), and two writers contend for
 * the same index pages and wallet rows: on two cores 497/s, p99 170 ms and 2.4 ms of database CPU
 * per redemption, against 538–592/s, p99 126–129 ms and 1.7–1.9 ms with one. Spends alike.
 */
const maxRunning = 2;
/**
 * How long the calls wait behind a running statement before a second one starts. A batch takes a
 * few milliseconds, up to some tens under full load; one that runs longer is most likely waiting
 * for a row lock (a wallet another transaction holds, a deadlock before it is broken), and the
 * calls behind it, which need other rows, should not wait with it. At 50 ms the second statement
 * started under full load alone and gave back the larger batches (REST redemptions 461/s).
 */
const stalledAfterMs = 200;

/** How a call is run: the errors its refusals map to, and the row it locks first. */
export interface GroupCommitOptions {
  errors?: SqlErrors;
  /**
   * The id of the row the call locks (a wallet account): a batch runs its calls in this order, so
   * two batches touching the same wallets lock them in the same order and cannot deadlock.
   */
  lockKey?: string;
  /**
   * The id of a row the call changes that no other call of its batch may change (a pass): a
   * second call with it waits for a later batch, since one statement changes a row once.
   */
  onePerBatch?: string;
}

interface Waiting<T> {
  argument: object;
  /** The call's Idempotency-Key claim, recorded with its write. */
  claim: IdempotencyClaim | null;
  options: GroupCommitOptions;
  resolve(result: T): void;
  reject(error: unknown): void;
}

/**
 * One process's calls of one database function. A call made while a statement is already
 * running waits, and the waiting calls leave together: one statement, one transaction, one
 * commit (WAL flush) for the lot. When nothing waits a call leaves at once, so a quiet system
 * adds no latency. If the running statement is stalled, the waiting calls leave without it.
 */
class GroupCommit<T> {
  private readonly waiting: Waiting<T>[] = [];
  /** When each running statement started. */
  private readonly running: number[] = [];
  private stallCheck: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly name: SqlFunction,
  ) {}

  call(ctx: DomainContext, argument: object, options: GroupCommitOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({ argument, claim: claimToRecord(ctx.claim), options, resolve, reject });
      this.send();
    });
  }

  private send() {
    if (this.waiting.length === 0 || this.running.length === maxRunning || this.stallCheck) return;
    const runningFor = this.running.length === 0 ? Infinity : Date.now() - Math.min(...this.running);
    if (runningFor >= stalledAfterMs) {
      this.start();
      return;
    }
    this.stallCheck = setTimeout(() => {
      this.stallCheck = null;
      this.send();
    }, stalledAfterMs - runningFor);
  }

  private start() {
    const batch = this.nextBatch();
    const startedAt = Date.now();
    this.running.push(startedAt);
    void this.write(batch).finally(() => {
      this.running.splice(this.running.indexOf(startedAt), 1);
      if (this.stallCheck) clearTimeout(this.stallCheck);
      this.stallCheck = null;
      this.send();
    });
  }

  /** The waiting calls that leave next, in arrival order, each `onePerBatch` key once. */
  private nextBatch(): Waiting<T>[] {
    const batch: Waiting<T>[] = [];
    const keys = new Set<string>();
    for (let i = 0; i < this.waiting.length && batch.length < maxBatch; ) {
      const key = this.waiting[i]!.options.onePerBatch;
      if (key !== undefined && keys.has(key)) {
        i++;
        continue;
      }
      if (key !== undefined) keys.add(key);
      batch.push(...this.waiting.splice(i, 1));
    }
    return batch;
  }

  private async write(batch: Waiting<T>[]) {
    if (batch.length > 1) {
      batch.sort((a, b) => (a.options.lockKey ?? "").localeCompare(b.options.lockKey ?? ""));
      let results: T[] | null = null;
      try {
        results = await this.run(batch);
      } catch {
        // Nothing of the batch was written. One call's refusal (or a deadlock with another batch)
        // fails them all, so each runs again alone and gets its own answer.
      }
      if (results) {
        batch.forEach((w, i) => this.settle(w, results[i]!));
        return;
      }
    }
    await Promise.all(
      batch.map((w) =>
        this.run([w]).then(
          ([result]) => this.settle(w, result!),
          (error: unknown) =>
            w.reject(w.claim && isKeyTaken(error) ? new IdempotencyKeyTaken() : sqlFunctionError(error, w.options.errors ?? {})),
        ),
      ),
    );
  }

  /**
   * One statement, one transaction for the calls: the function's set-based batch (`<name>_batch`,
   * migration 0011). Each call's Idempotency-Key claim, if any, is recorded after its write
   * (`idempotency_claimed_batch`): with it, or not at all.
   */
  private async run(calls: Waiting<T>[]): Promise<T[]> {
    const write = sql`${sql.raw(`${this.name}_batch`)}(${JSON.stringify(calls.map((w) => w.argument))}::jsonb)`;
    const claims = calls.some((w) => w.claim) ? JSON.stringify(calls.map((w) => w.claim && claimArgument(w.claim))) : null;
    // One row for the whole batch: postgres-js misplaces the rows of the next query on a
    // connection whose last query failed after sending some rows.
    const [row] = rowsOf<{ results: T[] }>(
      await this.db.execute(sql`select ${claims ? sql`idempotency_claimed_batch(${claims}::jsonb, ${write})` : write} as results`),
    );
    return row!.results;
  }

  private settle(w: Waiting<T>, result: T) {
    if (w.claim && result !== null) w.claim.recorded = true;
    w.resolve(result);
  }
}

const groups = new WeakMap<Db, Map<SqlFunction, GroupCommit<unknown>>>();

/**
 * Calls a database function whose every call is a whole write of its own (`pass_redeem`,
 * `wallet_spend`), in a group commit with the process's other calls of it (see
 * GroupCommit). Inside a caller's transaction it is an ordinary call: that transaction's commit
 * is the caller's, and so is the recording of an Idempotency-Key's claim (`inTransaction`).
 */
export function callInGroupCommit<T>(ctx: DomainContext, name: SqlFunction, argument: object, options: GroupCommitOptions = {}): Promise<T> {
  if (ctx.db instanceof PgTransaction) return callSqlFunction<T>(ctx, name, argument, options.errors);
  let byName = groups.get(ctx.db);
  if (!byName) groups.set(ctx.db, (byName = new Map()));
  let group = byName.get(name) as GroupCommit<T> | undefined;
  if (!group) byName.set(name, (group = new GroupCommit<T>(ctx.db, name)));
  return group.call(ctx, argument, options);
}
