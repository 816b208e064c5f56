import { createContact } from "@/server/domain/contacts/create";
import { addContactIdentity, removeContactIdentity } from "@/server/domain/contacts/identities";
import { updateContactNames } from "@/server/domain/contacts/names";
import { getContact, listContacts } from "@/server/domain/contacts/read";
import { mergeNamelessContact, registerNamelessContact } from "@/server/domain/contacts/registration";
import {
  addContactIdentitySchema,
  contactIdInputSchema,
  createContactSchema,
  listContactsSchema,
  mergeNamelessContactSchema,
  registerNamelessContactSchema,
  removeContactIdentitySchema,
  spendingBlockSchema,
  updateContactNamesSchema,
} from "@/server/domain/contacts/schemas";
import { blockContactSpending, unblockContactSpending } from "@/server/domain/contacts/spending-block";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("contacts.read");
const manage = capabilityProcedure("contacts.manage");
const block = capabilityProcedure("contacts.blockSpending");

export const contactsRouter = createTRPCRouter({
  list: read.input(listContactsSchema).query(({ ctx, input }) => listContacts(ctx.domain, input)),
  byId: read.input(contactIdInputSchema).query(({ ctx, input }) => getContact(ctx.domain, input)),
  create: manage.input(createContactSchema).mutation(({ ctx, input }) => createContact(ctx.domain, input)),
  updateNames: manage.input(updateContactNamesSchema).mutation(({ ctx, input }) => updateContactNames(ctx.domain, input)),
  addIdentity: manage.input(addContactIdentitySchema).mutation(({ ctx, input }) => addContactIdentity(ctx.domain, input)),
  removeIdentity: manage.input(removeContactIdentitySchema).mutation(({ ctx, input }) => removeContactIdentity(ctx.domain, input)),
  register: manage.input(registerNamelessContactSchema).mutation(({ ctx, input }) => registerNamelessContact(ctx.domain, input)),
  merge: manage.input(mergeNamelessContactSchema).mutation(({ ctx, input }) => mergeNamelessContact(ctx.domain, input)),
  blockSpending: block.input(spendingBlockSchema).mutation(({ ctx, input }) => blockContactSpending(ctx.domain, input)),
  unblockSpending: block.input(spendingBlockSchema).mutation(({ ctx, input }) => unblockContactSpending(ctx.domain, input)),
});
