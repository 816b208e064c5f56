import { and, eq, isNull } from "drizzle-orm";
import { customFieldDefinitions } from "@/db/schema";
import type { DomainContext } from "../context";
import { invalidField } from "../errors";
import type { CustomFieldEntity } from "../network/kinds";

type Definition = Pick<typeof customFieldDefinitions.$inferSelect, "key" | "label" | "type" | "options" | "required">;

const isBlank = (value: unknown) => value === undefined || value === null || value === "" || Number.isNaN(value);

/** Why the value does not fit the field's type, or null when it does. */
function valueProblem(definition: Definition, value: unknown): string | null {
  switch (definition.type) {
    case "text":
      return typeof value === "string" ? null : "Enter text.";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? null : "Enter a number.";
    case "boolean":
      return typeof value === "boolean" ? null : "Choose yes or no.";
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? null : "Enter a date (YYYY-MM-DD).";
    case "select":
      return typeof value === "string" && definition.options.includes(value) ? null : `Choose one of: ${definition.options.join(", ")}.`;
  }
}

/**
 * Custom field values checked against the entity's live definitions (a plan's, or a pass's own
 * fields): unknown keys, missing required values and values of the wrong type are refused,
 * naming `customFields.<key>`.
 * Blank values are dropped, so an emptied field is simply absent.
 */
export async function validCustomFieldValues(
  ctx: DomainContext,
  values: Record<string, unknown>,
  entity: Extract<CustomFieldEntity, "pass_plan" | "pass"> = "pass_plan",
): Promise<Record<string, unknown>> {
  const definitions = await ctx.db
    .select({
      key: customFieldDefinitions.key,
      label: customFieldDefinitions.label,
      type: customFieldDefinitions.type,
      options: customFieldDefinitions.options,
      required: customFieldDefinitions.required,
    })
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.entity, entity), isNull(customFieldDefinitions.archivedAt)));
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (isBlank(value)) continue;
    const definition = byKey.get(key);
    if (!definition) throw invalidField(`customFields.${key}`, `There is no ${entity === "pass" ? "pass" : "pass plan"} field "${key}".`);
    const problem = valueProblem(definition, value);
    if (problem) throw invalidField(`customFields.${key}`, `${definition.label}: ${problem}`);
    result[key] = value;
  }
  for (const definition of definitions) {
    if (definition.required && !(definition.key in result)) {
      throw invalidField(`customFields.${definition.key}`, `${definition.label} is required.`);
    }
  }
  return result;
}
