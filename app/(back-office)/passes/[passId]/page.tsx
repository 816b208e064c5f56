import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { PassDetail } from "@/components/passes/pass-detail";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";
import { createTRPCContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

type Props = { params: Promise<{ passId: string }> };

/** The pass through the same procedure the client uses; null when the id names none (a 404 page). */
const findPass = cache(async (passId: string) => {
  if (!z.string().uuid().safeParse(passId).success) return null;
  const caller = createCaller(await createTRPCContext({ headers: await headers() }));
  try {
    return await caller.passes.byId({ passId });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") return null;
    throw err;
  }
});

export async function generateMetadata({ params }: Props) {
  const pass = await findPass((await params).passId);
  return { title: pass ? `Pass ${pass.codeMask}` : "Pass not found" };
}

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("passes.read");
  const pass = await findPass((await params).passId);
  if (!pass) notFound();
  return <PassDetail initialPass={pass} canSupport={can(actor.role, "passes.support")} canCancel={can(actor.role, "passes.cancel")} canRedeem={can(actor.role, "passes.redeem")} />;
}
