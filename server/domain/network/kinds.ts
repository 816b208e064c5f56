/** The closed lists of the business network (D2), shared by the database enums and the zod schemas. */
export const organisationKinds = ["merchant", "venue"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const customFieldTypes = ["text", "number", "date", "boolean", "select"] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

/** The entities that carry custom field values. */
export const customFieldEntities = ["pass_plan", "pass", "contact", "organisation"] as const;
export type CustomFieldEntity = (typeof customFieldEntities)[number];
