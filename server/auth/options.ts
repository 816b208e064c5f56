import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDatabase } from "@/db";
import { signIn } from "@/server/domain/users/sign-in";
import { systemActor } from "@/server/domain/actor";
import { getSecrets } from "@/server/secrets";
import type { Role } from "@/server/domain/users/roles";

/** A session ends after 30 minutes without a request, and 12 hours after sign-in whatever happens. */
export const sessionIdleSeconds = 30 * 60;
export const sessionAbsoluteSeconds = 12 * 60 * 60;

declare module "next-auth" {
  interface User {
    role: Role;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    signedInAt: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    /** Epoch seconds of the sign-in; the absolute limit counts from here. */
    signedInAt?: number;
  }
}

function header(headers: Record<string, unknown> | undefined, name: string): string | null {
  const value = headers?.[name];
  return typeof value === "string" ? value : null;
}

let options: NextAuthOptions | undefined;

/** Built on first use so that a build never needs the secrets. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: getSecrets().AUTH_SECRET,
    session: { strategy: "jwt", maxAge: sessionIdleSeconds, updateAge: 60 },
    jwt: { maxAge: sessionIdleSeconds },
    pages: { signIn: "/sign-in" },
    providers: [
      Credentials({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const forwarded = header(req.headers, "x-forwarded-for");
          const origin = { ip: forwarded?.split(",")[0]?.trim() ?? null, userAgent: header(req.headers, "user-agent") };
          const user = await signIn({ db: getDatabase().db, actor: systemActor(), origin }, credentials);
          return user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.signedInAt = Math.floor(Date.now() / 1000);
        }
        return token;
      },
      session({ session, token }) {
        if (token.uid && token.role && token.signedInAt) {
          session.user = { id: token.uid, email: token.email ?? "", name: token.name ?? "", role: token.role };
          session.signedInAt = token.signedInAt;
        }
        return session;
      },
    },
  };
  return options;
}
