"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/components/providers/trpc";
import type { Contact } from "@/server/domain/contacts/contact-rows";

/** After a change: the detail shows the contact the server answered with, and lists refetch. */
export function useContactUpdated() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (contact: Contact) => {
    queryClient.setQueryData(trpc.contacts.byId.queryKey({ contactId: contact.id }), contact);
    void queryClient.invalidateQueries({ queryKey: trpc.contacts.list.queryKey() });
  };
}
