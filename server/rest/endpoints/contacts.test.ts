import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import * as contactRoute from "@/app/api/v1/contacts/route";
import * as blockRoute from "@/app/api/v1/contacts/[id]/block/route";
import * as identitiesRoute from "@/app/api/v1/contacts/[id]/identities/route";
import * as contactByIdRoute from "@/app/api/v1/contacts/[id]/route";
import { createApiKey } from "@/server/domain/api-keys/service";
import type { ApiScope } from "@/server/domain/api-keys/scopes";
import { uniqueEmail, uniquePhone } from "@/server/domain/contacts/test-fixtures";
import { contextAs, testDatabase, unique } from "@/test/db";

testDatabase();

type Handler = (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Call {
  method?: string;
  path: string;
  key?: string;
  body?: unknown;
  idempotencyKey?: string;
  params?: Record<string, string>;
}

async function call(handler: Handler, { method = "GET", path, key, body, idempotencyKey, params = {} }: Call) {
  const headers = new Headers({ "content-type": "application/json" });
  if (key) headers.set("authorization", `Bearer ${key}`);
  if (idempotencyKey) headers.set("idempotency-key", idempotencyKey);
  const req = new NextRequest(`http://localhost/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function keyWith(...scopes: ApiScope[]) {
  const admin = await contextAs("admin");
  return (await createApiKey(admin, { name: unique("pos"), scopes })).secret;
}

describe("REST /api/v1/contacts", () => {
  let readKey: string;
  let writeKey: string;
  beforeAll(async () => {
    readKey = await keyWith("contacts:read");
    writeKey = await keyWith("contacts:read", "contacts:write");
  });

  const search = (q: string) => call(contactRoute.GET, { path: `/contacts?search=${encodeURIComponent(q)}`, key: readKey });

  it("answers 401 with the error envelope without an API key", async () => {
    const res = await call(contactRoute.GET, { path: "/contacts" });
    expect(res).toEqual({
      status: 401,
      body: { error: { code: "UNAUTHENTICATED", message: "A valid API key is required.", details: null } },
    });
  });

  it("creates with contacts:write (201) and finds by phone with contacts:read (200)", async () => {
    const phone = uniquePhone();
    const created = await call(contactRoute.POST, {
      method: "POST",
      path: "/contacts",
      key: writeKey,
      body: { firstName: "Olivia", lastName: "Hart", email: uniqueEmail(), phone },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "registered", firstName: "Olivia", spendingBlocked: false });

    const found = await search(phone);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ total: 1, page: 0, pageSize: 25, rows: [{ id: created.body.id }] });

    const byId = await call(contactByIdRoute.GET, { path: `/contacts/${String(created.body.id)}`, key: readKey, params: { id: String(created.body.id) } });
    expect(byId).toMatchObject({ status: 200, body: { id: created.body.id, identities: [{ type: "email" }, { type: "phone", value: phone.replace(/\s/g, "") }] } });
  });

  it("answers 403 to a key without the scope", async () => {
    const res = await call(contactRoute.POST, { method: "POST", path: "/contacts", key: readKey, body: { email: uniqueEmail() } });
    expect(res).toEqual({
      status: 403,
      body: { error: { code: "FORBIDDEN", message: "This API key lacks the contacts:write scope.", details: null } },
    });
  });

  it("replays an Idempotency-Key with the identical answer and creates one contact", async () => {
    const email = uniqueEmail();
    const request = { method: "POST", path: "/contacts", key: writeKey, body: { email, firstName: "Idem" }, idempotencyKey: unique("idem") };
    const first = await call(contactRoute.POST, request);
    const replay = await call(contactRoute.POST, request);
    expect(first.status).toBe(201);
    expect(replay).toEqual(first);
    expect((await search(email)).body.total).toBe(1);

    const reused = await call(contactRoute.POST, { ...request, body: { email: uniqueEmail() } });
    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({ error: { code: "IDEMPOTENCY_KEY_REUSED" } });
  });

  it("answers 400 VALIDATION_FAILED with field errors for an invalid body", async () => {
    const res = await call(contactRoute.POST, { method: "POST", path: "/contacts", key: writeKey, body: { email: "not-an-email", phone: 12 } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: { code: "VALIDATION_FAILED", details: { fieldErrors: { email: ["Enter a valid email address."], phone: [expect.any(String)] } } },
    });
    const noIdentity = await call(contactRoute.POST, { method: "POST", path: "/contacts", key: writeKey, body: { firstName: "Nobody" } });
    expect(noIdentity).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED", details: { fieldErrors: { email: [expect.any(String)] } } } } });
  });

  it("renames, adds an identity and blocks spending (a reason is required)", async () => {
    const created = await call(contactRoute.POST, { method: "POST", path: "/contacts", key: writeKey, body: { email: uniqueEmail() } });
    const id = String(created.body.id);
    const renamed = await call(contactByIdRoute.PATCH, { method: "PATCH", path: `/contacts/${id}`, key: writeKey, params: { id }, body: { firstName: "Ava" } });
    expect(renamed).toMatchObject({ status: 200, body: { firstName: "Ava" } });

    const cim = unique("card");
    const added = await call(identitiesRoute.POST, { method: "POST", path: `/contacts/${id}/identities`, key: writeKey, params: { id }, body: { type: "cim", value: cim } });
    expect(added.status).toBe(201);
    expect((await search(cim)).body).toMatchObject({ total: 1, rows: [{ id }] });

    const blockCall = (body: unknown) => call(blockRoute.POST, { method: "POST", path: `/contacts/${id}/block`, key: writeKey, params: { id }, body });
    expect(await blockCall({ reason: "" })).toMatchObject({ status: 400, body: { error: { code: "VALIDATION_FAILED" } } });
    expect(await blockCall({ reason: "Chargeback" })).toMatchObject({ status: 200, body: { spendingBlocked: true, spendingBlockedReason: "Chargeback" } });
    expect(await blockCall({ reason: "Again" })).toMatchObject({ status: 409, body: { error: { code: "INVALID_STATE" } } });
    const blocked = await call(contactRoute.GET, { path: "/contacts?blocked=true&pageSize=200&search=" + encodeURIComponent(cim), key: readKey });
    expect(blocked.body).toMatchObject({ total: 1 });
  });

  it("answers 404 for an unknown contact", async () => {
    const id = "01900000-0000-7000-8000-000000000000";
    const res = await call(contactByIdRoute.GET, { path: `/contacts/${id}`, key: readKey, params: { id } });
    expect(res).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
  });
});
