import type { RequestOrigin } from "@/server/domain/actor";

/** Where a request came from, for the audit log: the first forwarded address and the user agent. */
export function requestOrigin(headers: Pick<Headers, "get">): RequestOrigin {
  return { ip: headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null, userAgent: headers.get("user-agent") };
}
