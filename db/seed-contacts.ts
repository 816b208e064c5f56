import type { DomainContext } from "@/server/domain/context";
import { createContact, createNamelessContact } from "@/server/domain/contacts/create";

/** Phone numbers are in Ofcom's drama range (07700 900xxx): they reach nobody. */
const demoContacts = [
  { firstName: "Olivia", lastName: "Hart", phone: "+44 7700 900123", contactCode: "TES-0001" },
  { firstName: "Noah", lastName: "Bennett", phone: "+44 7700 900124" },
  { firstName: "Amelia", lastName: "Clarke", phone: "+44 7700 900125", cim: "LOYALTY-100125" },
  { firstName: "George", lastName: "Doyle", phone: "+44 7700 900126" },
  { firstName: "Isla", lastName: "Evans", phone: "+44 7700 900127" },
  { firstName: "Arthur", lastName: "Fletcher", phone: "+44 7700 900128" },
  { firstName: "Ava", lastName: "Green", phone: "+44 7700 900129", contactCode: "TES-0007" },
  { firstName: "Leo", lastName: "Hughes", phone: "+44 7700 900130" },
  { firstName: "Mia", lastName: "Irving", phone: "+44 7700 900131" },
  { firstName: "Oscar", lastName: "Jones", phone: "+44 7700 900132" },
  { firstName: "Freya", lastName: "Khan", phone: "+44 7700 900133", cim: "LOYALTY-100133" },
  { firstName: "Harry", lastName: "Lewis", phone: "+44 7700 900134" },
];

/** A dozen registered demo contacts with emails and phones, and one nameless contact (as a gift redemption leaves). */
export async function seedDemoContacts(ctx: DomainContext): Promise<void> {
  for (const contact of demoContacts) {
    const email = `${contact.firstName}.${contact.lastName}@example.com`.toLowerCase();
    await createContact(ctx, { ...contact, email });
  }
  await createNamelessContact(ctx);
}
