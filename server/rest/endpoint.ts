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

/**
 * What an endpoint reads of a request, whichever server received it: Next (the route files,
 * `next dev`) or the app's own HTTP server (server/http/serve.ts), which answers the REST API
 * without building a web Request and Response around each call.
 */
export interface RestRequest {
  url: URL;
  headers: Pick<Headers, "get">;
  /** The body as sent; "" for none. */
  bodyText: string;
  params: Record<string, string>;
}

export interface Endpoint<TInput extends ZodTypeAny = ZodTypeAny, TOutput extends ZodTypeAny = ZodTypeAny> {
  definition: EndpointDefinition<TInput, TOutput>;
  answer: (request: RestRequest) => Promise<RestResult>;
  /** `answer` as a Next route handler. */
  handler: (req: NextRequest, route: { params: Promise<Record<string, string>> }) => Promise<Response>;
}

/** A result's JSON body; none for 204. */
export const restResponseBody = (result: RestResult): string | null => (result.status === 204 ? null : JSON.stringify(result.body));

const json = (result: RestResult) =>
  new Response(restResponseBody(result), { status: result.status, headers: { "content-type": "application/json" } });

function presentedKey(headers: RestRequest["headers"]): string | null {
  const auth = headers.get("authorization");
  if (auth?.toLowerCase().startsWith("bearer ")) return auth.slice(7).trim();
  return headers.get("x-api-key");
}

/**
 * A REST endpoint: API-key authentication, scope check, input validation, Idempotency-Key on
 * writes and the error envelope, around one domain call. The same definition feeds OpenAPI.
 */
export function defineEndpoint<TInput extends ZodTypeAny, TOutput extends ZodTypeAny>(
  definition: EndpointDefinition<TInput, TOutput>,
): Endpoint<TInput, TOutput> {
  const answer: Endpoint["answer"] = async (request) => {
    const db = getDatabase().db;
    const secret = presentedKey(request.headers);
    const apiKey = secret ? await authenticateApiKey({ db }, secret) : undefined;
    if (!apiKey) return errorResult(new DomainError("UNAUTHENTICATED", "A valid API key is required."));
    const ctx: DomainContext = {
      db,
      rootDb: outsideDb(),
      actor: { type: "api_key", id: apiKey.id, label: apiKey.name, scopes: apiKey.scopes },
      origin: requestOrigin(request.headers),
    };
    if (!apiKey.scopes.includes(definition.scope)) {
      await recordAudit(ctx, {
        action: "access.forbidden",
        entityType: "endpoint",
        after: { endpoint: `${definition.method.toUpperCase()} ${definition.path}`, scope: definition.scope },
      });
      return errorResult(new DomainError("FORBIDDEN", `This API key lacks the ${definition.scope} scope.`));
    }

    const execute = async (commandCtx: DomainContext): Promise<RestResult> => {
      const input = await parseInput(definition, request);
      const output = await definition.handle(commandCtx, input);
      return { status: definition.successStatus ?? 200, body: output };
    };

    const idempotencyKey = request.headers.get("idempotency-key");
    try {
      if (definition.method !== "get" && idempotencyKey !== null) {
        const keyed = { apiKeyId: apiKey.id, key: idempotencyKey, method: definition.method, path: request.url.pathname, bodyText: request.bodyText };
        const run = definition.recordsKeyWithWrite ? runIdempotentWithWrite : runIdempotent;
        return await run(ctx, keyed, execute);
      }
      return await execute(ctx);
    } catch (err) {
      return errorResult(err);
    }
  };
  const handler: Endpoint["handler"] = async (req, route) =>
    json(
      await answer({
        url: new URL(req.url),
        headers: req.headers,
        bodyText: definition.method === "get" ? "" : await req.text(),
        params: await route.params,
      }),
    );
  return { definition, answer, handler };
}

async function parseInput<TInput extends ZodTypeAny>(
  definition: EndpointDefinition<TInput, ZodTypeAny>,
  { url, bodyText, params }: RestRequest,
): Promise<z.infer<TInput>> {
  if (!definition.input) return params as z.infer<TInput>;
  let raw: unknown;
  if (definition.method === "get" || definition.method === "delete") {
    raw = Object.fromEntries(url.searchParams);
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
