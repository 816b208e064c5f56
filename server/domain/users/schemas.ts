import { z } from "zod";
import { pageInputSchema } from "../paging";
import { roles } from "./roles";

export const roleSchema = z.enum(roles);

export const emailSchema = z.string().trim().toLowerCase().email("Enter a valid email address.");
export const passwordSchema = z
  .string()
  .min(10, "Passwords have at least 10 characters.")
  .max(200, "Passwords have at most 200 characters.");

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, "Enter a name.").max(200),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const changeRoleSchema = z.object({ userId: z.string().uuid(), role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setUserDisabledSchema = z.object({ userId: z.string().uuid(), disabled: z.boolean() });
export type SetUserDisabledInput = z.infer<typeof setUserDisabledSchema>;

export const listUsersSchema = pageInputSchema.extend({ search: z.string().trim().max(200).optional() });
export type ListUsersInput = z.infer<typeof listUsersSchema>;

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });
