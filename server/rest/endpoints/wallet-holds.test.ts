import { describe, expect, it } from "vitest";
import { verifyLedger } from "@/server/domain/ledger/verify";
import { walletBalances } from "@/server/domain/wallet/balances";
import { emptyWallet, fundLot, fundOpen } from "@/server/domain/wallet/wallet-test-fixtures";
import { contextAs, testDatabase, unique } from "@/test/db";
import { apiKeyWith, callRoute } from "../test-request";
import { adjustWalletEndpoint, captureHoldEndpoint, placeHoldEndpoint, releaseHoldEndpoint } from "./wallet-holds";

testDatabase();

type Handler = typeof placeHoldEndpoint.handler;
const post = (handler: Handler, path: string, key: string, body: unknown, idempotencyKey?: string, params?: Record<string, string>) =>
  callRoute(handler, { method: "POST", path, key, body, idempotencyKey, params });

describe("holds REST API", () => {
  it("places, partly captures and releases holds with wallets:spend; Idempotency-Key replays move money once", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    await fundLot(ctx, wallet, 600);
    await fundOpen(ctx, wallet, 400);
    const key = await apiKeyWith("wallets:spend");
    const body = { contactId: wallet.contactId, currency: "EUR", amountMinor: 700, reference: "estimate-42" };
    const idem = unique("idem");
    const placed = await post(placeHoldEndpoint.handler, "/holds", key, body, idem);
    expect(placed).toMatchObject({ status: 201, body: { state: "ACTIVE", amountMinor: 700, reference: "estimate-42" } });
    expect(await post(placeHoldEndpoint.handler, "/holds", key, body, idem)).toEqual(placed);
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ heldMinor: 700, availableMinor: 300 });
    expect(await post(placeHoldEndpoint.handler, "/holds", key, { ...body, amountMinor: 1 }, idem)).toMatchObject({ status: 409, body: { error: { code: "IDEMPOTENCY_KEY_REUSED" } } });
    expect(await post(placeHoldEndpoint.handler, "/holds", key, { ...body, amountMinor: 301 })).toMatchObject({ status: 422, body: { error: { code: "INSUFFICIENT_FUNDS" } } });

    const holdId = placed.body.holdId as string;
    const captureIdem = unique("idem");
    const capture = () => post(captureHoldEndpoint.handler, `/holds/${holdId}/capture`, key, { amountMinor: 500 }, captureIdem, { id: holdId });
    const captured = await capture();
    expect(captured).toMatchObject({ status: 200, body: { state: "CAPTURED", capturedMinor: 500 } });
    expect(await capture()).toEqual(captured);
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ heldMinor: 0, availableMinor: 500 });
    expect(await post(releaseHoldEndpoint.handler, `/holds/${holdId}/release`, key, {}, undefined, { id: holdId })).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE" } } });

    const second = await post(placeHoldEndpoint.handler, "/holds", key, { ...body, amountMinor: 450 });
    const secondId = second.body.holdId as string;
    expect(await post(releaseHoldEndpoint.handler, `/holds/${secondId}/release`, key, {}, unique("idem"), { id: secondId })).toMatchObject({ status: 200, body: { state: "RELEASED" } });
    expect(await walletBalances(ctx, wallet.id)).toMatchObject({ heldMinor: 0, availableMinor: 500 });
    expect((await post(placeHoldEndpoint.handler, "/holds", await apiKeyWith("wallets:read"), body)).status).toBe(403);
    expect((await verifyLedger(ctx)).problems).toEqual([]);
  });
});

describe("adjustments REST API", () => {
  it("adjusts with wallets:adjust once per Idempotency-Key, and refuses keys without the scope", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const key = await apiKeyWith("wallets:adjust");
    const body = { contactId: wallet.contactId, currency: "EUR", amountMinor: 900, reason: "Migration from the old system" };
    const idem = unique("idem");
    const first = await post(adjustWalletEndpoint.handler, "/wallets/adjustments", key, body, idem);
    expect(first).toMatchObject({ status: 201, body: { amountMinor: 900, balances: { availableMinor: 900 } } });
    expect(await post(adjustWalletEndpoint.handler, "/wallets/adjustments", key, body, idem)).toEqual(first);
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(900);
    expect(await post(adjustWalletEndpoint.handler, "/wallets/adjustments", key, { ...body, reason: "" })).toMatchObject({ status: 400 });
    expect((await post(adjustWalletEndpoint.handler, "/wallets/adjustments", await apiKeyWith("wallets:spend"), body)).status).toBe(403);
    expect((await walletBalances(ctx, wallet.id)).availableMinor).toBe(900);
  });

  it("adjusts the open funds when asked, and answers 422 for a debit beyond them", async () => {
    const ctx = await contextAs("admin");
    const wallet = await emptyWallet(ctx);
    const key = await apiKeyWith("wallets:adjust");
    const body = { contactId: wallet.contactId, currency: "EUR", funds: "OPEN", reason: "Correction of open funds" };
    expect(await post(adjustWalletEndpoint.handler, "/wallets/adjustments", key, { ...body, amountMinor: 300 })).toMatchObject({ status: 201, body: { funds: "OPEN", creditLotId: null, balances: { openMinor: 300 } } });
    expect(await post(adjustWalletEndpoint.handler, "/wallets/adjustments", key, { ...body, amountMinor: -301 })).toMatchObject({ status: 422, body: { error: { code: "INSUFFICIENT_FUNDS" } } });
    expect(await post(adjustWalletEndpoint.handler, "/wallets/adjustments", key, { ...body, funds: "POCKET", amountMinor: 1 })).toMatchObject({ status: 400 });
    expect((await walletBalances(ctx, wallet.id)).openMinor).toBe(300);
  });
});
