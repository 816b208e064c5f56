import { createContactEndpoint, searchContactsEndpoint } from "@/server/rest/endpoints/contacts";

export const GET = searchContactsEndpoint.handler;
export const POST = createContactEndpoint.handler;
