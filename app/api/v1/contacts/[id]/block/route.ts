import { blockContactEndpoint } from "@/server/rest/endpoints/contacts";

export const POST = blockContactEndpoint.handler;
