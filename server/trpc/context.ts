import "server-only";
import { getDatabase } from "@/db";
import { getSessionActor } from "@/server/auth/session";
import type { TrpcContext } from "./init";
import { requestOrigin } from "@/server/request-origin";

export async function createTRPCContext(opts: { headers: Headers }): Promise<TrpcContext> {
  return {
    db: getDatabase().db,
    actor: await getSessionActor(),
    origin: requestOrigin(opts.headers),
  };
}
