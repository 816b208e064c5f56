import { unblockContactEndpoint } from "@/server/rest/endpoints/contacts";

export const POST = unblockContactEndpoint.handler;
