"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";
import { segmentLabels } from "./navigation";

/**
 * Labels that detail pages give their id segment (a contact's name rather than "Details"). A
 * module store rather than a context, so a page can set it without the layout passing anything down.
 */
const pageLabels = new Map<string, string>();
const listeners = new Set<() => void>();
let version = 0;

function setPageLabel(segment: string, label: string | undefined) {
  if (label === undefined) pageLabels.delete(segment);
  else pageLabels.set(segment, label);
  version++;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Renders nothing; names the path segment `segment` (e.g. an id) in the breadcrumbs while mounted. */
export function BreadcrumbLabel({ segment, label }: { segment: string; label: string }) {
  useEffect(() => {
    setPageLabel(segment, label);
    return () => setPageLabel(segment, undefined);
  }, [segment, label]);
  return null;
}

export function Breadcrumbs() {
  const segments = usePathname().split("/").filter(Boolean);
  useSyncExternalStore(
    subscribe,
    () => version,
    () => 0,
  );
  if (segments.length < 2) return null;
  return (
    <nav aria-label="Breadcrumb" className="mb-4 text-sm text-slate-500">
      <ol className="flex flex-wrap items-center gap-1">
        {segments.map((segment, i) => {
          const href = `/${segments.slice(0, i + 1).join("/")}`;
          const label = pageLabels.get(segment) ?? segmentLabels[segment] ?? "Details";
          const last = i === segments.length - 1;
          return (
            <li key={href} className="flex items-center gap-1">
              {i > 0 && <span aria-hidden>/</span>}
              {last ? (
                <span aria-current="page" className="text-slate-700">
                  {label}
                </span>
              ) : (
                <Link href={href} className="hover:text-slate-900 hover:underline">
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
