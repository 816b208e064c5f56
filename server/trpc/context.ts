import "server-only";
import { getDatabase } from "@/db";
import { getSessionActor } from "@/server/auth/session";
import type { TrpcContext } from "./init";

export async function createTRPCContext(opts: { headers: Headers }): Promise<TrpcContext> {
  return {
    db: getDatabase().db,
    actor: await getSessionActor(),
    origin: {
      ip: opts.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
      userAgent: opts.headers.get("user-agent"),
    },
  };
}
