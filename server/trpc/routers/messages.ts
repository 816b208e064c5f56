import { capturesLocally } from "@/server/adapters/messaging";
import { listCapturedMessages } from "@/server/adapters/local-outbox";
import { listMessages } from "@/server/domain/messages/list";
import { listMessagesSchema, listOutboxSchema } from "@/server/domain/messages/schemas";
import { capabilityProcedure, createTRPCRouter } from "../init";

const read = capabilityProcedure("messages.read");

export const messagesRouter = createTRPCRouter({
  list: read.input(listMessagesSchema).query(({ ctx, input }) => listMessages(ctx.domain, input)),
  outbox: read.input(listOutboxSchema).query(async ({ input }) => ({ capturing: capturesLocally, ...(await listCapturedMessages(input)) })),
});
