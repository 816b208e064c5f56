import { randomBytes } from "node:crypto";
import { count, desc, eq } from "drizzle-orm";
import { LRUCache } from "lru-cache";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "../audit/record";
import { inTransaction, type DomainContext } from "../context";
import { DomainError, notFound } from "../errors";
import { newId } from "../ids";
import { keyedHash } from "../keyed-hash";
import { pageOf, type Page } from "../paging";
import type { CreateApiKeyInput, ListApiKeysInput, RevokeApiKeyInput } from "./schemas";
import type { ApiScope } from "./scopes";

const keyPrefix = "tk_";

const apiKeyColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  scopes: apiKeys.scopes,
  revokedAt: apiKeys.revokedAt,
  createdAt: apiKeys.createdAt,
};
export type ApiKeySummary = { [K in keyof typeof apiKeyColumns]: (typeof apiKeys.$inferSelect)[K] };

const hashApiKey = (key: string) => keyedHash("api-key", key);

/** How long this process trusts a key it authenticated: a revocation reaches other app servers within it. */
const apiKeyTrustMs = 10_000;

/**
 * Keys authenticated lately, by key hash: a point-of-sale integration calls hundreds of times a
 * second and would otherwise pay a query each time. Unknown keys are never cached. Revoking a key
 * empties this process's cache at once.
 */
const recentlyAuthenticated = new LRUCache<string, AuthenticatedApiKey>({ max: 10_000, ttl: apiKeyTrustMs });

/** Creates a key and returns it in full this once; only its keyed hash is stored. */
export async function createApiKey(
  ctx: DomainContext,
  input: CreateApiKeyInput,
): Promise<{ apiKey: ApiKeySummary; secret: string }> {
  const secret = keyPrefix + randomBytes(24).toString("base64url");
  return inTransaction(ctx, async (tx) => {
    const [apiKey] = await tx.db
      .insert(apiKeys)
      .values({
        id: newId(),
        name: input.name,
        prefix: secret.slice(0, keyPrefix.length + 6),
        keyHash: hashApiKey(secret),
        scopes: input.scopes,
        createdBy: ctx.actor.type === "user" ? ctx.actor.id : null,
      })
      .returning(apiKeyColumns);
    if (!apiKey) throw new DomainError("CONFLICT", "The API key could not be created.");
    await recordAudit(tx, { action: "api_key.created", entityType: "api_key", entityId: apiKey.id, after: apiKey });
    return { apiKey, secret };
  });
}

export async function revokeApiKey(ctx: DomainContext, input: RevokeApiKeyInput): Promise<ApiKeySummary> {
  const revoked = await inTransaction(ctx, async (tx) => {
    const [before] = await tx.db.select(apiKeyColumns).from(apiKeys).where(eq(apiKeys.id, input.apiKeyId));
    if (!before) throw notFound("API key");
    if (before.revokedAt) throw new DomainError("INVALID_STATE", "This API key is already revoked.");
    const [after] = await tx.db
      .update(apiKeys)
      .set({ revokedAt: new Date() })
      .where(eq(apiKeys.id, input.apiKeyId))
      .returning(apiKeyColumns);
    await recordAudit(tx, { action: "api_key.revoked", entityType: "api_key", entityId: input.apiKeyId, before, after });
    return after!;
  });
  recentlyAuthenticated.clear();
  return revoked;
}

export async function listApiKeys(ctx: DomainContext, input: ListApiKeysInput): Promise<Page<ApiKeySummary>> {
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select(apiKeyColumns)
      .from(apiKeys)
      .orderBy(desc(apiKeys.createdAt))
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    ctx.db.select({ value: count() }).from(apiKeys),
  ]);
  return pageOf(rows, total?.value ?? 0, input);
}

export interface AuthenticatedApiKey {
  id: string;
  name: string;
  scopes: ApiScope[];
}

/** The live key matching a presented secret, or undefined (unknown and revoked keys alike). */
export async function authenticateApiKey(ctx: Pick<DomainContext, "db">, secret: string): Promise<AuthenticatedApiKey | undefined> {
  if (!secret.startsWith(keyPrefix)) return undefined;
  const keyHash = hashApiKey(secret);
  const trusted = recentlyAuthenticated.get(keyHash);
  if (trusted) return trusted;
  const [key] = await ctx.db
    .select({ id: apiKeys.id, name: apiKeys.name, scopes: apiKeys.scopes, revokedAt: apiKeys.revokedAt })
    .from(apiKeys)
    .where(eq(apiKeys.keyHash, keyHash));
  if (!key || key.revokedAt) return undefined;
  const authenticated = { id: key.id, name: key.name, scopes: key.scopes as ApiScope[] };
  recentlyAuthenticated.set(keyHash, authenticated);
  return authenticated;
}
