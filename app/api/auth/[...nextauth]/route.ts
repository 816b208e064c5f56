import NextAuth from "next-auth";
import { getAuthOptions } from "@/server/auth/options";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// The options are read per request, so a build never needs the secrets.
async function handler(req: Request, ctx: RouteContext): Promise<Response> {
  return (await NextAuth(req as never, ctx as never, getAuthOptions())) as Response;
}

export { handler as GET, handler as POST };
