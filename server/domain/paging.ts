import { z } from "zod";

/** Server-side paging shared by every list: zero-based page, bounded page size. */
export const pageInputSchema = z.object({
  page: z.number().int().min(0).default(0),
  pageSize: z.number().int().min(1).max(200).default(25),
});
export type PageInput = z.infer<typeof pageInputSchema>;

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageOf<T>(rows: T[], total: number, input: PageInput): Page<T> {
  return { rows, total, page: input.page, pageSize: input.pageSize };
}
