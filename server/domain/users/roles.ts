/** The roles of D1; the database enum and every permission check use this list. */
export const roles = ["admin", "marketing", "finance", "support"] as const;
export type Role = (typeof roles)[number];
