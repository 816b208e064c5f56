import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { createApiKey } from "@/server/domain/api-keys/service";
import { expect, test, uniqueName } from "./fixtures";

const uniqueEmail = () => `${uniqueName("rest").replace(/\s+/g, "-")}@example.test`;

/** A fresh key per test, created through the domain like an admin would in Settings. */
async function keyHeaders(domain: Parameters<typeof createApiKey>[0]) {
  const { secret } = await createApiKey(domain, { name: uniqueName("E2E integration"), scopes: ["contacts:read", "contacts:write"] });
  return { authorization: `Bearer ${secret}` };
}

async function contactsFound(request: APIRequestContext, headers: Record<string, string>, search: string) {
  const response = await request.get("/api/v1/contacts", { headers, params: { search } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { total: number }).total;
}

test.describe("REST API", () => {
  test("refuses a call without a valid key with the error envelope", async ({ request }) => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer tk_not-a-real-key" }];
    for (const headers of attempts) {
      const response = await request.get("/api/v1/contacts", { headers });
      expect(response.status()).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: "UNAUTHENTICATED", message: "A valid API key is required.", details: null },
      });
    }
  });

  test("answers a call with a key", async ({ request, domain }) => {
    const response = await request.get("/api/v1/contacts", { headers: await keyHeaders(domain), params: { pageSize: "5" } });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ page: 0, pageSize: 5, rows: expect.any(Array) });
  });

  test("a replayed Idempotency-Key gets the first answer and creates one contact", async ({ request, domain }) => {
    const headers = await keyHeaders(domain);
    const email = uniqueEmail();
    const key = randomUUID();
    const first = await request.post("/api/v1/contacts", { headers: { ...headers, "idempotency-key": key }, data: { email } });
    expect(first.status()).toBe(201);
    const body = await first.json();
    expect(body).toMatchObject({ kind: "registered", identities: [{ type: "email", value: email }] });

    const replay = await request.post("/api/v1/contacts", { headers: { ...headers, "idempotency-key": key }, data: { email } });
    expect(replay.status()).toBe(201);
    expect(await replay.json()).toEqual(body);
    expect(await contactsFound(request, headers, email)).toBe(1);
    const read = await request.get(`/api/v1/contacts/${body.id}`, { headers });
    expect(read.status()).toBe(200);
    expect(await read.json()).toMatchObject({ id: body.id, identities: [{ type: "email", value: email }] });

    const reused = await request.post("/api/v1/contacts", { headers: { ...headers, "idempotency-key": key }, data: { email: uniqueEmail() } });
    expect(reused.status()).toBe(409);
    expect((await reused.json()).error).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED" });
  });

  test("a replayed Idempotency-Key gets the first refusal too", async ({ request, domain }) => {
    const headers = { ...(await keyHeaders(domain)), "idempotency-key": randomUUID() };
    const first = await request.post("/api/v1/contacts", { headers, data: { firstName: "No identity" } });
    expect(first.status()).toBe(400);
    const body = await first.json();
    expect(body.error).toMatchObject({ code: "VALIDATION_FAILED" });
    const replay = await request.post("/api/v1/contacts", { headers, data: { firstName: "No identity" } });
    expect(replay.status()).toBe(400);
    expect(await replay.json()).toEqual(body);
  });

  test("publishes the OpenAPI document and a readable reference", async ({ request, page }) => {
    const response = await request.get("/api/v1/openapi.json");
    expect(response.status()).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain("/api/v1/contacts");

    await page.goto("/api/docs");
    await expect(page.getByRole("heading", { level: 1, name: "Tessera API" })).toBeVisible();
    await expect(page.getByText("/contacts/{id}").first()).toBeVisible();
  });
});
