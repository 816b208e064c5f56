"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { NavItem } from "./navigation";
import { SignOutButton } from "./sign-out-button";

interface SidebarProps {
  items: NavItem[];
  user: { label: string; role: string };
}

export function Sidebar({ items, user }: SidebarProps) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="fixed top-3 left-3 z-30 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm lg:hidden"
        aria-expanded={open}
        aria-controls="sidebar"
        onClick={() => setOpen((o) => !o)}
      >
        Menu
      </button>
      <aside
        id="sidebar"
        className={cn(
          "fixed inset-y-0 left-0 z-20 flex w-60 flex-col border-r border-slate-200 bg-white transition-transform lg:translate-x-0",
          open ? "translate-x-0" : "-translate-x-full",
        )}
      >
        <div className="px-5 pt-14 pb-4 lg:pt-5">
          <Link href="/dashboard" className="text-lg font-bold tracking-tight text-indigo-700">
            Tessera
          </Link>
        </div>
        <nav aria-label="Main" className="flex-1 px-3">
          <ul className="space-y-1">
            {items.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    onClick={() => setOpen(false)}
                    className={cn(
                      "block rounded-md px-3 py-2 text-sm font-medium",
                      active ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <div className="border-t border-slate-200 p-4 text-sm">
          <p className="truncate font-medium text-slate-900" title={user.label}>
            {user.label}
          </p>
          <p className="mb-2 text-xs text-slate-500 capitalize">{user.role}</p>
          <SignOutButton />
        </div>
      </aside>
    </>
  );
}
