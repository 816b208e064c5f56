import { describe, expect, it } from "vitest";
import { configurePaymentAdapter } from "@/server/adapters/payments";
import { RecordingPaymentAdapter } from "@/server/adapters/payments/recording";
import { contactWithWallet, fund } from "@/server/domain/wallet/operations-test-fixtures";
import { requestPayout } from "@/server/domain/wallet/payouts/request";
import { redeemFunds } from "@/server/domain/wallet/redeem-funds";
import { spend } from "@/server/domain/wallet/spend";
import type { Role } from "@/server/domain/users/roles";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createCaller } from "./root";

testDatabase();

async function callerAs(role: Role) {
  const ctx = await contextAs(role);
  return { ctx, caller: createCaller({ db: ctx.db, actor: ctx.actor as never, origin: {} }) };
}

describe("wallets on tRPC", () => {
  it("lets finance approve and admin reject payouts; support and marketing cannot approve", async () => {
    const adapter = new RecordingPaymentAdapter();
    configurePaymentAdapter(adapter);
    const { ctx, caller: finance } = await callerAs("finance");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    await redeemFunds(ctx, { contactId, currency: "EUR", amountMinor: 1000 });
    const first = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 600 });
    const second = await requestPayout(ctx, { contactId, currency: "EUR", amountMinor: 200 });
    for (const role of ["support", "marketing"] as const) {
      const { caller } = await callerAs(role);
      await expect(caller.wallets.approvePayout({ payoutId: first.payoutId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.wallets.rejectPayout({ payoutId: first.payoutId, reason: "no" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(adapter.calls).toHaveLength(0);
    expect((await finance.wallets.payouts({ state: "REQUESTED" })).map((p) => p.payoutId)).toEqual(expect.arrayContaining([first.payoutId, second.payoutId]));
    expect(await finance.wallets.approvePayout({ payoutId: first.payoutId })).toMatchObject({ state: "PAID" });
    await expect(finance.wallets.approvePayout({ payoutId: first.payoutId })).rejects.toMatchObject({ code: "CONFLICT" });
    const { caller: admin } = await callerAs("admin");
    expect(await admin.wallets.rejectPayout({ payoutId: second.payoutId, reason: "Asked twice" })).toMatchObject({ state: "REJECTED" });
    expect(adapter.calls).toHaveLength(1);
    expect((await finance.wallets.balances({ contactId }))[0]).toMatchObject({ openMinor: 400 });
  });

  it("shows balances and spends to support, not to marketing", async () => {
    const { ctx, caller: support } = await callerAs("support");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 500);
    const spent = await spend(ctx, { contactId, currency: "EUR", amountMinor: 200, reference: unique("o") });
    expect((await support.wallets.spends({ contactId })).map((s) => s.spendId)).toEqual([spent.spendId]);
    expect((await support.wallets.balances({ contactId }))[0]).toMatchObject({ availableMinor: 300 });
    const { caller: marketing } = await callerAs("marketing");
    await expect(marketing.wallets.balances({ contactId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
