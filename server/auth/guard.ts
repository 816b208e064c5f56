import "server-only";
import { redirect } from "next/navigation";
import { can, type Capability } from "@/server/domain/users/permissions";
import { getSessionActor, type UserActor } from "./session";

/** For server pages: the signed-in actor, or a redirect to sign-in (or to the forbidden page). */
export async function requirePageActor(capability?: Capability): Promise<UserActor> {
  const actor = await getSessionActor();
  if (!actor) redirect("/sign-in");
  if (capability && !can(actor.role, capability)) redirect("/forbidden");
  return actor;
}
