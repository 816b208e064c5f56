import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as activateRoute from "@/app/api/v1/pass-plans/[id]/activate/route";
import * as copyRoute from "@/app/api/v1/pass-plans/[id]/copy/route";
import * as deactivateRoute from "@/app/api/v1/pass-plans/[id]/deactivate/route";
import * as planRoute from "@/app/api/v1/pass-plans/[id]/route";
import * as plansRoute from "@/app/api/v1/pass-plans/route";
import { createApiKey } from "@/server/domain/api-keys/service";
import type { ApiScope } from "@/server/domain/api-keys/scopes";
import { uniqueCurrency } from "@/server/domain/network/test-fixtures";
import { contextAs, testDatabase, unique } from "@/test/db";

testDatabase();

type Handler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, { method = "GET", path, key, body, params = {} }: { method?: string; path: string; key: string; body?: unknown; params?: Record<string, string> }) {
  const headers = new Headers({ "content-type": "application/json", authorization: `Bearer ${key}` });
  const req = new NextRequest(`http://localhost/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function keyWith(...scopes: ApiScope[]) {
  return (await createApiKey(await contextAs("admin"), { name: unique("integration"), scopes })).secret;
}

describe("REST /api/v1/pass-plans", () => {
  let readKey: string;
  let manageKey: string;
  let currency: string;
  beforeAll(async () => {
    readKey = await keyWith("passes:read");
    manageKey = await keyWith("passes:read", "passes:manage");
    currency = (await uniqueCurrency(await contextAs("admin"))).code;
  });

  const giftBody = (overrides: Record<string, unknown> = {}) => ({
    name: unique("REST gift"),
    type: "GIFT",
    distribution: "PRINTED",
    currency,
    valueMode: "FIXED",
    fixedValueMinor: 5000,
    valueValidityKind: "NEVER",
    passcodeFormat: { charset: "NUMERIC", length: 12, checkCharacter: true },
    quantity: 100,
    maxPasses: 100,
    ...overrides,
  });

  it("creates (201), reads, updates, activates, deactivates and copies a plan", async () => {
    const created = await call(plansRoute.POST, { method: "POST", path: "/pass-plans", key: manageKey, body: giftBody() });
    expect(created).toMatchObject({ status: 201, body: { state: "DRAFT", fixedValueMinor: 5000, passcodeFormat: { prefix: "", checkCharacter: true } } });
    const id = String(created.body.id);
    const params = { id };

    expect(await call(planRoute.GET, { path: `/pass-plans/${id}`, key: readKey, params })).toMatchObject({ status: 200, body: { id, locked: false, currencyMinorUnits: 2 } });
    expect(await call(planRoute.PATCH, { method: "PATCH", path: `/pass-plans/${id}`, key: manageKey, params, body: { quantity: 50 } })).toMatchObject({ status: 200, body: { quantity: 50, maxPasses: 100 } });
    expect(await call(activateRoute.POST, { method: "POST", path: `/pass-plans/${id}/activate`, key: manageKey, params })).toMatchObject({ status: 200, body: { state: "ACTIVE" } });
    const locked = await call(planRoute.PATCH, { method: "PATCH", path: `/pass-plans/${id}`, key: manageKey, params, body: { quantity: 60 } });
    expect(locked).toMatchObject({ status: 409, body: { error: { code: "PLAN_LOCKED", details: { fieldErrors: { quantity: [expect.any(String)] } } } } });
    expect(await call(deactivateRoute.POST, { method: "POST", path: `/pass-plans/${id}/deactivate`, key: manageKey, params })).toMatchObject({ status: 200, body: { state: "INACTIVE" } });
    expect(await call(deactivateRoute.POST, { method: "POST", path: `/pass-plans/${id}/deactivate`, key: manageKey, params })).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE" } } });
    const copy = await call(copyRoute.POST, { method: "POST", path: `/pass-plans/${id}/copy`, key: manageKey, params });
    expect(copy).toMatchObject({ status: 201, body: { state: "DRAFT", name: `Copy of ${String(created.body.name)}`, copiedFromId: id } });

    const listed = await call(plansRoute.GET, { path: `/pass-plans?search=${encodeURIComponent(String(created.body.name))}&state=DRAFT`, key: readKey });
    expect(listed).toMatchObject({ status: 200, body: { total: 1, rows: [{ id: copy.body.id }] } });
  });

  it("answers 400 naming the field for an invalid combination and 422 for a too small code space", async () => {
    const range = await call(plansRoute.POST, { method: "POST", path: "/pass-plans", key: manageKey, body: giftBody({ type: "PROMOTION" }) });
    expect(range).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED", details: { fieldErrors: { distribution: ["Promotion passes are electronic only."] } } } } });
    const small = await call(plansRoute.POST, { method: "POST", path: "/pass-plans", key: manageKey, body: giftBody({ passcodeFormat: { charset: "NUMERIC", length: 7 } }) });
    expect(small).toMatchObject({ status: 422, body: { error: { code: "CODE_SPACE_TOO_SMALL", details: { minimumLength: 8 } } } });
  });

  it("answers 403 to a key without passes:manage", async () => {
    const res = await call(plansRoute.POST, { method: "POST", path: "/pass-plans", key: readKey, body: giftBody() });
    expect(res).toMatchObject({ status: 403, body: { error: { code: "FORBIDDEN" } } });
  });
});
