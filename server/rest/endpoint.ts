import type { NextRequest } from "next/server";
import { type z, type ZodTypeAny } from "zod";
import { getDatabase } from "@/db";
import type { ApiScope } from "@/server/domain/api-keys/scopes";
import { authenticateApiKey } from "@/server/domain/api-keys/service";
import { recordAudit } from "@/server/domain/audit/record";
import type { DomainContext } from "@/server/domain/context";
import { DomainError } from "@/server/domain/errors";
import { errorResult, type RestResult } from "./envelope";
import { runIdempotent, runIdempotentWithWrite } from "./idempotency";
import { outsideDb } from "./outside-db";
import { requestOrigin } from "@/server/request-origin";

type Method = "get" | "post" | "patch" | "put" | "delete";

export interface EndpointDefinition<TInput extends ZodTypeAny, TOutput extends ZodTypeAny> {
  method: Method;
  /** OpenAPI path under /api/v1, with `{param}` placeholders. */
  path: string;
  scope: ApiScope;
  summary: string;
  description?: string;
  tag: string;
  /** Body for writes, query string for reads; path params are merged in under their names. */
  input?: TInput;
  output: TOutput;
  successStatus?: number;
  /**
   * The command writes only through `inTransaction` and `callInGroupCommit` (the redemption, the
   * spend), which record an Idempotency-Key's claim with the write itself: such a call then needs
   * no transaction held around it, and its write can join a group commit.
   */
  recordsKeyWithWrite?: boolean;
  /** Method syntax on purpose: parameters stay bivariant, so any endpoint fits `Endpoint` in allEndpoints. */
  handle(ctx: DomainContext, input: z.infer<TInput>): Promise<z.infer<TOutput>>;
}

export interface Endpoint<TInput extends ZodTypeAny = ZodTypeAny, TOutput extends ZodTypeAny = ZodTypeAny> {
  definition: EndpointDefinition<TInput, TOutput>;
  handler: (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
}

const json = (result: RestResult) =>
  new Response(result.status === 204 ? null : JSON.stringify(result.body), {
    status: result.status,
    headers: { "content-type": "application/json" },
  });

function presentedKey(req: NextRequest): string | null {
  const auth = req.headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return req.headers.get("x-api-key");
}

/**
 * A REST endpoint: API-key authentication, scope check, input validation, Idempotency-Key on
 * writes and the error envelope, around one domain call. The same definition feeds OpenAPI.
 */
export function defineEndpoint<TInput extends ZodTypeAny, TOutput extends ZodTypeAny>(
  definition: EndpointDefinition<TInput, TOutput>,
): Endpoint<TInput, TOutput> {
  const handler: Endpoint["handler"] = async (req, route) => {
    const db = getDatabase().db;
    const secret = presentedKey(req);
    const apiKey = secret ? await authenticateApiKey({ db }, secret) : undefined;
    if (!apiKey) {
      return json(errorResult(new DomainError("UNAUTHENTICATED", "A valid API key is required.")));
    }
    const ctx: DomainContext = {
      db,
      rootDb: outsideDb(),
      actor: { type: "api_key", id: apiKey.id, label: apiKey.name, scopes: apiKey.scopes },
      origin: requestOrigin(req.headers),
    };
    if (!apiKey.scopes.includes(definition.scope)) {
      await recordAudit(ctx, {
        action: "access.forbidden",
        entityType: "endpoint",
        after: { endpoint: `${definition.method.toUpperCase()} ${definition.path}`, scope: definition.scope },
      });
      return json(errorResult(new DomainError("FORBIDDEN", `This API key lacks the ${definition.scope} scope.`)));
    }

    const bodyText = definition.method === "get" ? "" : await req.text();
    const execute = async (commandCtx: DomainContext): Promise<RestResult> => {
      const input = await parseInput(definition, req, bodyText, await route.params);
      const output = await definition.handle(commandCtx, input);
      return { status: definition.successStatus ?? 200, body: output };
    };

    const idempotencyKey = req.headers.get("idempotency-key");
    try {
      if (definition.method !== "get" && idempotencyKey !== null) {
        const request = { apiKeyId: apiKey.id, key: idempotencyKey, method: definition.method, path: new URL(req.url).pathname, bodyText };
        const run = definition.recordsKeyWithWrite ? runIdempotentWithWrite : runIdempotent;
        return json(await run(ctx, request, execute));
      }
      return json(await execute(ctx));
    } catch (err) {
      return json(errorResult(err));
    }
  };
  return { definition, handler };
}

async function parseInput<TInput extends ZodTypeAny>(
  definition: EndpointDefinition<TInput, ZodTypeAny>,
  req: NextRequest,
  bodyText: string,
  params: Record<string, string>,
): Promise<z.infer<TInput>> {
  if (!definition.input) return params as z.infer<TInput>;
  let raw: unknown;
  if (definition.method === "get" || definition.method === "delete") {
    raw = Object.fromEntries(req.nextUrl.searchParams);
  } else {
    try {
      raw = bodyText ? JSON.parse(bodyText) : {};
    } catch {
      throw new DomainError("VALIDATION_FAILED", "The request body is not valid JSON.");
    }
  }
  const merged = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...raw, ...params } : raw;
  return definition.input.parseAsync(merged);
}
