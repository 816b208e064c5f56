import { z } from "zod";
import { createContact } from "@/server/domain/contacts/create";
import { identityTypes } from "@/server/domain/contacts/identity-values";
import { addContactIdentity } from "@/server/domain/contacts/identities";
import { updateContactNames } from "@/server/domain/contacts/names";
import { getContact, listContacts } from "@/server/domain/contacts/read";
import {
  addContactIdentitySchema,
  contactKinds,
  createContactSchema,
  listContactsSchema,
  spendingBlockSchema,
  updateContactNamesSchema,
} from "@/server/domain/contacts/schemas";
import { blockContactSpending, unblockContactSpending } from "@/server/domain/contacts/spending-block";
import { defineEndpoint } from "../endpoint";

const tag = "Contacts";

const contactSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(contactKinds),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  spendingBlocked: z.boolean(),
  spendingBlockedReason: z.string().nullable(),
  spendingBlockedAt: z.date().nullable(),
  spendingBlockedBy: z.string().uuid().nullable(),
  spendingBlockedByLabel: z.string().nullable(),
  mergedIntoId: z.string().uuid().nullable().describe("Set when this nameless contact was merged into that contact."),
  createdAt: z.date(),
  updatedAt: z.date(),
  identities: z.array(z.object({ id: z.string().uuid(), type: z.enum(identityTypes), value: z.string(), createdAt: z.date() })),
});

/** Path parameter of /contacts/{id}; the domain calls it contactId. */
const contactPath = { id: z.string().uuid("Not a contact id.") };

/** Query strings carry text, so numbers and booleans are read from it explicitly. */
const searchQuerySchema = listContactsSchema.extend({
  page: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  blocked: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
});

export const searchContactsEndpoint = defineEndpoint({
  method: "get",
  path: "/contacts",
  scope: "contacts:read",
  tag,
  summary: "Search contacts",
  description:
    "`search` finds a contact by any identity (email, phone, contact code, CIM, contact id; exact after normalisation, listed first) or by the start of a name.",
  input: searchQuerySchema,
  output: z.object({ rows: z.array(contactSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  handle: listContacts,
});

export const createContactEndpoint = defineEndpoint({
  method: "post",
  path: "/contacts",
  scope: "contacts:write",
  tag,
  summary: "Create a registered contact",
  description: "At least one identity is required; each identity belongs to one contact only (a taken one answers 400 naming the field).",
  input: createContactSchema,
  output: contactSchema,
  successStatus: 201,
  handle: createContact,
});

export const getContactEndpoint = defineEndpoint({
  method: "get",
  path: "/contacts/{id}",
  scope: "contacts:read",
  tag,
  summary: "Get a contact with its identities",
  input: z.object(contactPath),
  output: contactSchema,
  handle: (ctx, { id }) => getContact(ctx, { contactId: id }),
});

export const updateContactEndpoint = defineEndpoint({
  method: "patch",
  path: "/contacts/{id}",
  scope: "contacts:write",
  tag,
  summary: "Change a contact's names",
  input: updateContactNamesSchema.omit({ contactId: true }).extend(contactPath),
  output: contactSchema,
  handle: (ctx, { id, ...names }) => updateContactNames(ctx, { ...names, contactId: id }),
});

export const addContactIdentityEndpoint = defineEndpoint({
  method: "post",
  path: "/contacts/{id}/identities",
  scope: "contacts:write",
  tag,
  summary: "Add an identity to a contact",
  input: addContactIdentitySchema.omit({ contactId: true }).extend(contactPath),
  output: contactSchema,
  successStatus: 201,
  handle: (ctx, { id, ...identity }) => addContactIdentity(ctx, { ...identity, contactId: id }),
});

const spendingBlockBody = spendingBlockSchema.omit({ contactId: true }).extend(contactPath);

export const blockContactEndpoint = defineEndpoint({
  method: "post",
  path: "/contacts/{id}/block",
  scope: "contacts:write",
  tag,
  summary: "Block a contact from spending",
  description: "Spends and payouts are refused while credits still arrive. A reason is required.",
  input: spendingBlockBody,
  output: contactSchema,
  handle: (ctx, { id, reason }) => blockContactSpending(ctx, { contactId: id, reason }),
});

export const unblockContactEndpoint = defineEndpoint({
  method: "post",
  path: "/contacts/{id}/unblock",
  scope: "contacts:write",
  tag,
  summary: "Lift a contact's spending block",
  input: spendingBlockBody,
  output: contactSchema,
  handle: (ctx, { id, reason }) => unblockContactSpending(ctx, { contactId: id, reason }),
});

export const contactEndpoints = [
  searchContactsEndpoint,
  createContactEndpoint,
  getContactEndpoint,
  updateContactEndpoint,
  addContactIdentityEndpoint,
  blockContactEndpoint,
  unblockContactEndpoint,
];
