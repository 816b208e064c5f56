import { NextRequest } from "next/server";
import { createApiKey } from "@/server/domain/api-keys/service";
import type { ApiScope } from "@/server/domain/api-keys/scopes";
import { contextAs, unique } from "@/test/db";
import type { Endpoint } from "./endpoint";

export interface RestCall {
  method?: string;
  path: string;
  key?: string;
  body?: unknown;
  idempotencyKey?: string;
  params?: Record<string, string>;
}

/** Calls a route handler as an integration would, and reads back the status and JSON body. */
export async function callRoute(
  handler: Endpoint["handler"],
  { method = "GET", path, key, body, idempotencyKey, params = {} }: RestCall,
) {
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

/** The secret of a new API key holding these scopes, created by an admin. */
export async function apiKeyWith(...scopes: ApiScope[]): Promise<string> {
  const admin = await contextAs("admin");
  return (await createApiKey(admin, { name: unique("integration"), scopes })).secret;
}
