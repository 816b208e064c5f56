import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "./client";
import { rowsOf } from "./rows";

/** Two connections of its own, so that their pipelines can be filled exactly. */
const pool = createDatabase({ url: process.env.DATABASE_URL, max: 2 });
afterAll(() => pool.close());

describe("transactions on the postgres-js pool", () => {
  it("begin on a connection of their own even when a connection's pipeline is full (porsager/postgres#823)", async () => {
    const raw = pool.sql!;
    await Promise.all([raw`select 1`, raw`select 1`]); // both connections open and idle
    // One long query holds each connection; 99 more queue on each, and postgres-js (3.4.9) then
    // sends the next query, a transaction's BEGIN, as the one that fills a pipeline of 100
    // without reserving the connection for its transaction.
    const queued = [raw`select pg_sleep(0.3)`.execute(), raw`select pg_sleep(0.3)`.execute()];
    for (let i = 0; i < 198; i++) queued.push(raw`select 1`.execute());
    const transactions = [0, 1].map((i) =>
      pool.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        return i;
      }),
    );
    const settled = await Promise.allSettled([...queued, ...transactions]);
    expect(settled.filter((s) => s.status === "rejected").map((s) => String((s as PromiseRejectedResult).reason))).toEqual([]);

    // Neither connection is left inside a transaction: a later query there commits at once.
    for (let i = 0; i < 4; i++) {
      const [row] = rowsOf<{ open: boolean }>(await pool.db.execute(sql`select now() <> statement_timestamp() as open`));
      expect(row!.open).toBe(false);
    }
  });

  it("rolls back a nested transaction alone, and refuses to call a transaction a failed statement aborted committed", async () => {
    const table = `client_test_${Date.now()}`;
    await pool.db.execute(sql.raw(`create table ${table} (n int primary key)`));
    try {
      await pool.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`insert into ${table} values (1)`));
        await expect(tx.transaction((inner) => inner.execute(sql.raw(`insert into ${table} values (1)`)))).rejects.toThrow();
        await tx.execute(sql.raw(`insert into ${table} values (2)`));
      });
      // A statement's failure swallowed without a savepoint: COMMIT then only rolls back.
      const swallowed = pool.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`insert into ${table} values (3)`));
        await tx.execute(sql.raw(`insert into ${table} values (3)`)).catch(() => null);
      });
      await expect(swallowed).rejects.toThrow("The transaction was rolled back");
      const rows = rowsOf<{ n: number }>(await pool.db.execute(sql.raw(`select n from ${table} order by n`)));
      expect(rows.map((r) => r.n)).toEqual([1, 2]);
    } finally {
      await pool.db.execute(sql.raw(`drop table ${table}`));
    }
  });
});
