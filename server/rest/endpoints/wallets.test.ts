import { describe, expect, it } from "vitest";
import { createContact } from "@/server/domain/contacts/create";
import { uniqueEmail } from "@/server/domain/contacts/test-fixtures";
import { verifyLedger } from "@/server/domain/ledger/verify";
import { walletBalances } from "@/server/domain/wallet/balances";
import { contactWithWallet, fund } from "@/server/domain/wallet/operations-test-fixtures";
import { contextAs, testDatabase, unique } from "@/test/db";
import { apiKeyWith, callRoute } from "../test-request";
import { contactWalletsEndpoint, redeemFundsEndpoint, refundSpendEndpoint, requestPayoutEndpoint, spendEndpoint } from "./wallets";

testDatabase();

const post = (handler: typeof spendEndpoint.handler, path: string, key: string, body: unknown, idempotencyKey?: string, params?: Record<string, string>) =>
  callRoute(handler, { method: "POST", path, key, body, idempotencyKey, params });

describe("wallets REST API", () => {
  it("spends once per Idempotency-Key: a replay answers the first result, a different body with the key is 409", async () => {
    const ctx = await contextAs("admin");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    const key = await apiKeyWith("wallets:spend", "wallets:read");
    const body = { contactId, currency: "EUR", amountMinor: 400, reference: unique("order-") };
    const idem = unique("idem");
    const first = await post(spendEndpoint.handler, "/wallets/spend", key, body, idem);
    expect(first).toMatchObject({ status: 200, body: { spentMinor: 400, replayed: false, balances: { availableMinor: 600 } } });
    expect(await post(spendEndpoint.handler, "/wallets/spend", key, body, idem)).toEqual(first);
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(600);
    const reused = await post(spendEndpoint.handler, "/wallets/spend", key, { ...body, amountMinor: 500 }, idem);
    expect(reused).toMatchObject({ status: 409, body: { error: { code: "IDEMPOTENCY_KEY_REUSED" } } });
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(600);
    const refused = await post(spendEndpoint.handler, "/wallets/spend", key, { ...body, reference: unique("o"), amountMinor: 5000, onlyIfEnoughFunds: true }, unique("idem"));
    expect(refused).toMatchObject({ status: 422, body: { error: { code: "INSUFFICIENT_FUNDS" } } });
    const wallets = await callRoute(contactWalletsEndpoint.handler, { path: `/contacts/${contactId}/wallets`, key, params: { id: contactId } });
    expect(wallets).toMatchObject({ status: 200, body: [{ walletId: wallet.id, currency: "EUR", availableMinor: 600, openMinor: 0 }] });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("refunds once per Idempotency-Key, refuses a reused key with another body, and refuses refunding more than was spent", async () => {
    const ctx = await contextAs("admin");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 1000);
    const key = await apiKeyWith("wallets:spend");
    const spent = await post(spendEndpoint.handler, "/wallets/spend", key, { contactId, currency: "EUR", amountMinor: 800, reference: unique("o") });
    const spendId = (spent.body as { spendId: string }).spendId;
    const refund = (body: unknown, idem?: string) => post(refundSpendEndpoint.handler, `/spends/${spendId}/refunds`, key, body, idem, { id: spendId });
    const idem = unique("idem");
    const first = await refund({ amountMinor: 300, reason: "Item returned" }, idem);
    expect(first).toMatchObject({ status: 201, body: { refundedMinor: 300, totalRefundedMinor: 300, balances: { openMinor: 300 } } });
    expect(await refund({ amountMinor: 300, reason: "Item returned" }, idem)).toEqual(first);
    expect((await refund({ amountMinor: 200, reason: "Item returned" }, idem))).toMatchObject({ status: 409, body: { error: { code: "IDEMPOTENCY_KEY_REUSED" } } });
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(300);
    expect(await refund({ amountMinor: 501, reason: "Too much" }, unique("idem"))).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE" } } });
    expect(await refund({ reason: "Rest of the order" })).toMatchObject({ status: 201, body: { refundedMinor: 500, totalRefundedMinor: 800 } });
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });

  it("redeems commerce funds, requests payouts with payouts:write, and checks scopes", async () => {
    const ctx = await contextAs("admin");
    const { contactId, wallet } = await contactWithWallet(ctx);
    await fund(ctx, wallet, 500);
    const spendKey = await apiKeyWith("wallets:spend");
    const redeemed = await post(redeemFundsEndpoint.handler, "/wallets/redeem", spendKey, { contactId, currency: "eur", amountMinor: 300 }, unique("idem"));
    expect(redeemed).toMatchObject({ status: 200, body: { redeemedMinor: 300, balances: { openMinor: 300, availableMinor: 500 } } });
    expect((await post(requestPayoutEndpoint.handler, "/payouts", spendKey, { contactId, currency: "EUR", amountMinor: 100 })).status).toBe(403);
    const payoutKey = await apiKeyWith("payouts:write");
    expect(await post(requestPayoutEndpoint.handler, "/payouts", payoutKey, { contactId, currency: "EUR", amountMinor: 300 })).toMatchObject({ status: 201, body: { state: "REQUESTED", amountMinor: 300 } });
    expect(await post(requestPayoutEndpoint.handler, "/payouts", payoutKey, { contactId, currency: "EUR", amountMinor: 301 })).toMatchObject({ status: 422, body: { error: { code: "INSUFFICIENT_FUNDS" } } });
    const nobody = (await createContact(ctx, { email: uniqueEmail() })).id;
    expect(await callRoute(contactWalletsEndpoint.handler, { path: `/contacts/${nobody}/wallets`, key: await apiKeyWith("wallets:read"), params: { id: nobody } })).toEqual({ status: 200, body: [] });
    expect((await callRoute(contactWalletsEndpoint.handler, { path: `/contacts/${nobody}/wallets`, key: spendKey, params: { id: nobody } })).status).toBe(403);
  });
});
