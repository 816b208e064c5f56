import type { ReactNode } from "react";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { navigationFor } from "@/components/shell/navigation";
import { Sidebar } from "@/components/shell/sidebar";
import { requirePageActor } from "@/server/auth/guard";

export const dynamic = "force-dynamic";

export default async function BackOfficeLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return (
    <div className="min-h-screen">
      <Sidebar items={navigationFor(actor.role)} user={{ label: actor.label, role: actor.role }} />
      <main className="px-4 pt-16 pb-10 sm:px-8 lg:ml-60 lg:pt-8">
        <div className="mx-auto max-w-7xl">
          <Breadcrumbs />
          {children}
        </div>
      </main>
    </div>
  );
}
