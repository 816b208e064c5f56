"use client";

import { ErrorState } from "@/components/ui/states";

/** A failure while rendering a contacts page; the message is generic, details stay in the server log. */
export default function ContactsError({ reset }: { error: Error; reset: () => void }) {
  return <ErrorState message="This page could not be loaded. Please try again." onRetry={reset} />;
}
