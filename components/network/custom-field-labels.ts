import type { CustomFieldEntity, CustomFieldType } from "@/server/domain/network/kinds";

export const entityLabels: Record<CustomFieldEntity, string> = {
  pass_plan: "Pass plan",
  pass: "Pass",
  contact: "Contact",
  organisation: "Organisation",
};

export const typeLabels: Record<CustomFieldType, string> = {
  text: "Text",
  number: "Number",
  date: "Date",
  boolean: "Yes / no",
  select: "Select",
};
