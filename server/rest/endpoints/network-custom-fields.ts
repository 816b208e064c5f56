import { z } from "zod";
import { createCustomField, listCustomFields, setCustomFieldArchived, updateCustomField } from "@/server/domain/network/custom-fields";
import { customFieldEntities, customFieldTypes } from "@/server/domain/network/kinds";
import { createCustomFieldSchema, listCustomFieldsSchema, updateCustomFieldSchema } from "@/server/domain/network/schemas";
import { defineEndpoint } from "../endpoint";
import { archiveDescription, idPath, lifecycle, pageSchema } from "./network-shared";

const tag = "Custom fields";

const fieldSchema = z.object({
  id: z.string().uuid(),
  entity: z.enum(customFieldEntities),
  key: z.string().describe("Unique per entity; the name values are stored under."),
  label: z.string(),
  type: z.enum(customFieldTypes),
  options: z.array(z.string()).describe("The choices of a select field; empty for other types."),
  required: z.boolean(),
  ...lifecycle,
});

export const listCustomFieldsEndpoint = defineEndpoint({
  method: "get",
  path: "/custom-fields",
  scope: "network:read",
  tag,
  summary: "List custom field definitions",
  input: listCustomFieldsSchema,
  output: pageSchema(fieldSchema),
  handle: listCustomFields,
});

export const createCustomFieldEndpoint = defineEndpoint({
  method: "post",
  path: "/custom-fields",
  scope: "custom-fields:write",
  tag,
  summary: "Define a custom field",
  input: createCustomFieldSchema,
  output: fieldSchema,
  successStatus: 201,
  handle: createCustomField,
});

export const updateCustomFieldEndpoint = defineEndpoint({
  method: "patch",
  path: "/custom-fields/{id}",
  scope: "custom-fields:write",
  tag,
  summary: "Change a custom field's label, options or required flag",
  description: "The entity, key and type are fixed once values may exist.",
  input: updateCustomFieldSchema,
  output: fieldSchema,
  handle: updateCustomField,
});

export const archiveCustomFieldEndpoint = defineEndpoint({
  method: "post",
  path: "/custom-fields/{id}/archive",
  scope: "custom-fields:write",
  tag,
  summary: "Archive a custom field",
  description: archiveDescription,
  input: idPath,
  output: fieldSchema,
  handle: (ctx, input) => setCustomFieldArchived(ctx, input, true),
});

export const customFieldEndpoints = [listCustomFieldsEndpoint, createCustomFieldEndpoint, updateCustomFieldEndpoint, archiveCustomFieldEndpoint];
