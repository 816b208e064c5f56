import { TRPCError } from "@trpc/server";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { LotDetail } from "@/components/passes/lot-detail";
import { requirePageActor } from "@/server/auth/guard";
import { can } from "@/server/domain/users/permissions";
import { createTRPCContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

type Props = { params: Promise<{ id: string }> };

/** The lot through the same procedure the client polls; null when the id names none (a 404 page). */
const findLot = cache(async (lotId: string) => {
  if (!z.string().uuid().safeParse(lotId).success) return null;
  const caller = createCaller(await createTRPCContext({ headers: await headers() }));
  try {
    return await caller.lots.byId({ lotId });
  } catch (err) {
    if (err instanceof TRPCError && err.code === "NOT_FOUND") return null;
    throw err;
  }
});

export async function generateMetadata({ params }: Props) {
  const lot = await findLot((await params).id);
  return { title: lot ? `${lot.planName} · lot ${lot.number}` : "Lot not found" };
}

export default async function Page({ params }: Props) {
  const actor = await requirePageActor("passes.read");
  const lot = await findLot((await params).id);
  if (!lot) notFound();
  return <LotDetail initialLot={lot} canManage={can(actor.role, "passPlans.manage")} />;
}
