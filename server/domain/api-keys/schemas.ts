import { z } from "zod";
import { pageInputSchema } from "../paging";
import { apiScopes } from "./scopes";

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key after the system that will use it.").max(100),
  scopes: z.array(z.enum(apiScopes)).min(1, "Choose at least one scope."),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

export const revokeApiKeySchema = z.object({ apiKeyId: z.string().uuid() });
export type RevokeApiKeyInput = z.infer<typeof revokeApiKeySchema>;

export const listApiKeysSchema = pageInputSchema;
export type ListApiKeysInput = z.infer<typeof listApiKeysSchema>;
