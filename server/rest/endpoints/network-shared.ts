import { z, type ZodTypeAny } from "zod";

/** Columns every network entity shares; `archivedAt` null means live. */
export const lifecycle = {
  archivedAt: z.date().nullable().describe("Set while archived: hidden from pickers and refused in new business."),
  createdAt: z.date(),
  updatedAt: z.date(),
};

/** The page envelope of every list: rows plus the total for paging. */
export const pageSchema = <T extends ZodTypeAny>(row: T) =>
  z.object({ rows: z.array(row), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** Path parameter `{id}` of a network entity. */
export const idPath = z.object({ id: z.string().uuid("Not an id.") });

export const archiveDescription = "Archiving is a state change: archiving an archived entity answers 409 INVALID_STATE.";
