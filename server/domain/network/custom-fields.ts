import { and, asc, eq } from "drizzle-orm";
import { customFieldDefinitions } from "@/db/schema";
import { inTransaction, type DomainContext } from "../context";
import { invalidField, notFound } from "../errors";
import { newId } from "../ids";
import type { Page } from "../paging";
import { orderByOf } from "../sorting";
import type { CustomFieldType } from "./kinds";
import {
  customFieldOptionsProblem,
  type CreateCustomFieldInput,
  type IdInput,
  type ListCustomFieldsInput,
  type UpdateCustomFieldInput,
} from "./schemas";
import { assertArchiveChange, archiveStamp, countAll, limitOffset, liveUnless, paged, recordChange, searchOn, taken } from "./shared";

/** Definitions of the extra fields admins add to pass plans, passes, contacts and organisations. */
const fieldColumns = {
  id: customFieldDefinitions.id,
  entity: customFieldDefinitions.entity,
  key: customFieldDefinitions.key,
  label: customFieldDefinitions.label,
  type: customFieldDefinitions.type,
  options: customFieldDefinitions.options,
  required: customFieldDefinitions.required,
  archivedAt: customFieldDefinitions.archivedAt,
  createdAt: customFieldDefinitions.createdAt,
  updatedAt: customFieldDefinitions.updatedAt,
};
export type CustomFieldDefinition = { [K in keyof typeof fieldColumns]: (typeof customFieldDefinitions.$inferSelect)[K] };

const sortColumns = {
  entity: customFieldDefinitions.entity,
  key: customFieldDefinitions.key,
  label: customFieldDefinitions.label,
  createdAt: customFieldDefinitions.createdAt,
};

/** The audit log redacts any key named `key` (API keys), so field snapshots name it plainly. */
const snapshot = ({ key, ...rest }: CustomFieldDefinition) => ({ fieldKey: key, ...rest });

function assertOptions(type: CustomFieldType, options: readonly string[]) {
  const problem = customFieldOptionsProblem(type, options);
  if (problem) throw invalidField("options", problem);
}

export async function listCustomFields(ctx: DomainContext, input: ListCustomFieldsInput): Promise<Page<CustomFieldDefinition>> {
  const where = and(
    liveUnless(input.includeArchived, customFieldDefinitions.archivedAt),
    input.entity ? eq(customFieldDefinitions.entity, input.entity) : undefined,
    searchOn(input.search, customFieldDefinitions.key, customFieldDefinitions.label),
  );
  const { limit, offset } = limitOffset(input);
  return paged(
    input,
    ctx.db
      .select(fieldColumns)
      .from(customFieldDefinitions)
      .where(where)
      .orderBy(orderByOf(sortColumns, input, "entity"), asc(customFieldDefinitions.key))
      .limit(limit)
      .offset(offset),
    ctx.db.select(countAll).from(customFieldDefinitions).where(where),
  );
}

export async function getCustomField(ctx: DomainContext, input: IdInput): Promise<CustomFieldDefinition> {
  const [field] = await ctx.db.select(fieldColumns).from(customFieldDefinitions).where(eq(customFieldDefinitions.id, input.id));
  if (!field) throw notFound("Custom field");
  return field;
}

/** Entity, key and type are fixed once created: values already stored are read by them. */
export function createCustomField(ctx: DomainContext, input: CreateCustomFieldInput): Promise<CustomFieldDefinition> {
  return inTransaction(ctx, async (tx) => {
    assertOptions(input.type, input.options);
    const [holder] = await tx.db
      .select({ archivedAt: customFieldDefinitions.archivedAt })
      .from(customFieldDefinitions)
      .where(and(eq(customFieldDefinitions.entity, input.entity), eq(customFieldDefinitions.key, input.key)));
    if (holder) throw taken("key", `A ${input.entity.replace("_", " ")} field with the key ${input.key}`, holder);
    const [created] = await tx.db
      .insert(customFieldDefinitions)
      .values({ id: newId(), ...input })
      .returning(fieldColumns);
    await recordChange(tx, { action: "custom_field.created", entityType: "custom_field", entityId: created!.id, after: snapshot(created!) });
    return created!;
  });
}

async function lockField(tx: DomainContext, id: string): Promise<CustomFieldDefinition> {
  const [field] = await tx.db.select(fieldColumns).from(customFieldDefinitions).where(eq(customFieldDefinitions.id, id)).for("update");
  if (!field) throw notFound("Custom field");
  return field;
}

export function updateCustomField(ctx: DomainContext, input: UpdateCustomFieldInput): Promise<CustomFieldDefinition> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockField(tx, input.id);
    if (input.options) assertOptions(before.type, input.options);
    const [after] = await tx.db
      .update(customFieldDefinitions)
      .set({ label: input.label, options: input.options, required: input.required })
      .where(eq(customFieldDefinitions.id, input.id))
      .returning(fieldColumns);
    await recordChange(tx, {
      action: "custom_field.updated",
      entityType: "custom_field",
      entityId: input.id,
      before: snapshot(before),
      after: snapshot(after!),
    });
    return after!;
  });
}

/** An archived definition is no longer offered or required; stored values are kept. */
export function setCustomFieldArchived(ctx: DomainContext, input: IdInput, archived: boolean): Promise<CustomFieldDefinition> {
  return inTransaction(ctx, async (tx) => {
    const before = await lockField(tx, input.id);
    assertArchiveChange("custom field", before, archived);
    const [after] = await tx.db
      .update(customFieldDefinitions)
      .set(archiveStamp(archived))
      .where(eq(customFieldDefinitions.id, input.id))
      .returning(fieldColumns);
    const action = archived ? "custom_field.archived" : "custom_field.unarchived";
    await recordChange(tx, { action, entityType: "custom_field", entityId: input.id, before: snapshot(before), after: snapshot(after!) });
    return after!;
  });
}
