import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { Db } from "@/db";
import type { RequestOrigin } from "@/server/domain/actor";
import { recordAudit } from "@/server/domain/audit/record";
import type { DomainContext } from "@/server/domain/context";
import { DomainError } from "@/server/domain/errors";
import { can, type Capability } from "@/server/domain/users/permissions";
import type { UserActor } from "@/server/auth/session";

export interface TrpcContext {
  db: Db;
  actor: UserActor | null;
  origin: RequestOrigin;
}

const t = initTRPC.context<TrpcContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: cause instanceof ZodError ? cause.flatten() : null,
        domainCode: cause instanceof DomainError ? cause.code : null,
        details: cause instanceof DomainError ? (cause.details ?? null) : null,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** The one place domain errors become tRPC errors; unknown errors are logged and kept generic. */
const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: cause.trpcCode, message: cause.message, cause });
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR" && !(cause instanceof ZodError)) {
      console.error(`tRPC ${path} failed`, result.error.cause ?? result.error);
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong. Please try again." });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

/** Signed in: the context carries a user actor and a DomainContext for the domain calls. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const domain: DomainContext = { db: ctx.db, actor: ctx.actor, origin: ctx.origin };
  return next({ ctx: { ...ctx, actor: ctx.actor, domain } });
});

/**
 * Signed in with a role that holds the capability (D1). A refusal answers FORBIDDEN and is
 * written to the audit log, so probing for permissions leaves a trace.
 */
export function capabilityProcedure(capability: Capability) {
  return protectedProcedure.use(async ({ ctx, next, path }) => {
    if (!can(ctx.actor.role, capability)) {
      await recordAudit(ctx.domain, {
        action: "access.forbidden",
        entityType: "procedure",
        after: { procedure: path, capability, role: ctx.actor.role },
      });
      throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
    }
    return next();
  });
}
