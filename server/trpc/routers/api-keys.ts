import { createApiKeySchema, listApiKeysSchema, revokeApiKeySchema } from "@/server/domain/api-keys/schemas";
import { createApiKey, listApiKeys, revokeApiKey } from "@/server/domain/api-keys/service";
import { capabilityProcedure, createTRPCRouter } from "../init";

const manage = capabilityProcedure("apiKeys.manage");

export const apiKeysRouter = createTRPCRouter({
  list: manage.input(listApiKeysSchema).query(({ ctx, input }) => listApiKeys(ctx.domain, input)),
  create: manage.input(createApiKeySchema).mutation(({ ctx, input }) => createApiKey(ctx.domain, input)),
  revoke: manage.input(revokeApiKeySchema).mutation(({ ctx, input }) => revokeApiKey(ctx.domain, input)),
});
