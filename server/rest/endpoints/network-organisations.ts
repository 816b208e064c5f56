import { z } from "zod";
import { addTerminal, setTerminalArchived, updateTerminal } from "@/server/domain/network/acquiring-points";
import { organisationKinds } from "@/server/domain/network/kinds";
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  setOrganisationArchived,
  updateOrganisation,
} from "@/server/domain/network/organisations";
import {
  addTerminalSchema,
  createOrganisationSchema,
  listOrganisationsSchema,
  updateOrganisationSchema,
  updateTerminalSchema,
} from "@/server/domain/network/schemas";
import { defineEndpoint } from "../endpoint";
import { archiveDescription, idPath, lifecycle, pageSchema } from "./network-shared";

const tag = "Organisations";

const terminalSchema = z.object({
  id: z.string().uuid(),
  organisationId: z.string().uuid(),
  terminalId: z.string().describe("The acquiring point id a POS or transaction processor reports; unique business-wide."),
  archivedAt: lifecycle.archivedAt,
  createdAt: z.date(),
});

const organisationSchema = z.object({
  id: z.string().uuid(),
  kind: z.enum(organisationKinds),
  name: z.string(),
  parentId: z.string().uuid().nullable().describe("The merchant of a venue; null for a merchant."),
  ...lifecycle,
});
const withTerminals = organisationSchema.extend({ terminals: z.array(terminalSchema) });
const summarySchema = withTerminals.extend({ parentName: z.string().nullable() });
const detailSchema = summarySchema.extend({ venues: z.array(withTerminals).describe("A merchant's venues; empty for a venue.") });

export const listOrganisationsEndpoint = defineEndpoint({
  method: "get",
  path: "/organisations",
  scope: "network:read",
  tag,
  summary: "List organisations",
  description: "Merchants and venues, each with its terminals. `search` matches names and terminal ids; `parentId` lists one merchant's venues.",
  input: listOrganisationsSchema,
  output: pageSchema(summarySchema),
  handle: listOrganisations,
});

export const createOrganisationEndpoint = defineEndpoint({
  method: "post",
  path: "/organisations",
  scope: "network:write",
  tag,
  summary: "Create a merchant or a venue",
  description: "A venue names its merchant in `parentId`; a merchant has none.",
  input: createOrganisationSchema,
  output: organisationSchema,
  successStatus: 201,
  handle: createOrganisation,
});

export const getOrganisationEndpoint = defineEndpoint({
  method: "get",
  path: "/organisations/{id}",
  scope: "network:read",
  tag,
  summary: "Get an organisation with its terminals and venues",
  input: idPath,
  output: detailSchema,
  handle: getOrganisation,
});

export const updateOrganisationEndpoint = defineEndpoint({
  method: "patch",
  path: "/organisations/{id}",
  scope: "network:write",
  tag,
  summary: "Rename an organisation or move a venue to another merchant",
  input: updateOrganisationSchema,
  output: organisationSchema,
  handle: updateOrganisation,
});

export const archiveOrganisationEndpoint = defineEndpoint({
  method: "post",
  path: "/organisations/{id}/archive",
  scope: "network:write",
  tag,
  summary: "Archive an organisation",
  description: `A merchant with live venues is refused (422). ${archiveDescription}`,
  input: idPath,
  output: organisationSchema,
  handle: (ctx, input) => setOrganisationArchived(ctx, input, true),
});

export const addTerminalEndpoint = defineEndpoint({
  method: "post",
  path: "/organisations/{id}/terminals",
  scope: "network:write",
  tag,
  summary: "Add a terminal (transaction acquiring point) to an organisation",
  input: addTerminalSchema.omit({ organisationId: true }).merge(idPath),
  output: terminalSchema,
  successStatus: 201,
  handle: (ctx, { id, terminalId }) => addTerminal(ctx, { organisationId: id, terminalId }),
});

export const updateTerminalEndpoint = defineEndpoint({
  method: "patch",
  path: "/terminals/{id}",
  scope: "network:write",
  tag,
  summary: "Change a terminal id or move the terminal to another organisation",
  input: updateTerminalSchema,
  output: terminalSchema,
  handle: updateTerminal,
});

export const archiveTerminalEndpoint = defineEndpoint({
  method: "post",
  path: "/terminals/{id}/archive",
  scope: "network:write",
  tag,
  summary: "Archive a terminal",
  description: `An archived terminal stops resolving purchases. ${archiveDescription}`,
  input: idPath,
  output: terminalSchema,
  handle: (ctx, input) => setTerminalArchived(ctx, input, true),
});

export const organisationEndpoints = [
  listOrganisationsEndpoint,
  createOrganisationEndpoint,
  getOrganisationEndpoint,
  updateOrganisationEndpoint,
  archiveOrganisationEndpoint,
  addTerminalEndpoint,
  updateTerminalEndpoint,
  archiveTerminalEndpoint,
];
