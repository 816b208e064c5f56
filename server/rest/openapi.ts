import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV3 } from "@asteasolutions/zod-to-openapi";
import { z, ZodObject, type ZodRawShape } from "zod";
import { domainErrorCodes } from "@/server/domain/errors";
import type { Endpoint } from "./endpoint";

extendZodWithOpenApi(z);

const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.enum([...(Object.keys(domainErrorCodes) as [string, ...string[]]), "INTERNAL_ERROR"]),
    message: z.string(),
    details: z.record(z.unknown()).nullable(),
  }),
});

function pathParams(path: string): string[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

/** The OpenAPI 3 document of the REST API, generated from the endpoints' own zod schemas. */
export function buildOpenApiDocument(endpoints: readonly Endpoint[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "apiKey", {
    type: "http",
    scheme: "bearer",
    description: "An API key created by an admin in Settings → API keys (`tk_…`).",
  });
  const ErrorEnvelope = registry.register("ErrorEnvelope", errorEnvelopeSchema);

  for (const { definition: d } of endpoints) {
    const params = pathParams(d.path);
    const input = d.input instanceof ZodObject ? (d.input as ZodObject<ZodRawShape>) : undefined;
    const withoutParams = input?.omit(Object.fromEntries(params.map((p) => [p, true])) as never);
    const isRead = d.method === "get" || d.method === "delete";
    registry.registerPath({
      method: d.method,
      path: `/api/v1${d.path}`,
      summary: d.summary,
      description: [d.description, `Requires the \`${d.scope}\` scope.`].filter(Boolean).join("\n\n"),
      tags: [d.tag],
      security: [{ apiKey: [] }],
      request: {
        params: params.length ? z.object(Object.fromEntries(params.map((p) => [p, z.string()]))) : undefined,
        query: isRead ? withoutParams : undefined,
        headers: isRead ? undefined : z.object({ "Idempotency-Key": z.string().optional() }),
        body:
          !isRead && d.input
            ? { content: { "application/json": { schema: withoutParams ?? d.input } } }
            : undefined,
      },
      responses: {
        [d.successStatus ?? 200]: { description: "Success", content: { "application/json": { schema: d.output } } },
        default: { description: "An error envelope", content: { "application/json": { schema: ErrorEnvelope } } },
      },
    });
  }

  return new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: "3.0.3",
    info: {
      title: "Tessera API",
      version: "1.0.0",
      description:
        "The integration API of Tessera. Authenticate with `Authorization: Bearer <API key>`. " +
        "Every write accepts an `Idempotency-Key` header: a replay returns the first answer, " +
        "or 409 IDEMPOTENCY_KEY_IN_PROGRESS while the first call with the key has not answered yet. " +
        "Errors use one envelope: `{ error: { code, message, details } }`.",
    },
    servers: [{ url: "/" }],
  });
}
