import type { Contact } from "@/server/domain/contacts/contact-rows";
import type { IdentityType } from "@/server/domain/contacts/identity-values";

export const identityTypeLabels: Record<IdentityType, string> = {
  email: "Email",
  phone: "Phone",
  contact_code: "Contact code",
  cim: "CIM",
};

/** What a person calls a contact: the names, else the first identity, else that it is nameless. */
export function contactName(contact: Pick<Contact, "firstName" | "lastName" | "identities">): string {
  const names = [contact.firstName, contact.lastName].filter(Boolean).join(" ");
  return names || contact.identities[0]?.value || "Nameless contact";
}

export const identityOf = (contact: Pick<Contact, "identities">, type: IdentityType) =>
  contact.identities.find((identity) => identity.type === type)?.value;
