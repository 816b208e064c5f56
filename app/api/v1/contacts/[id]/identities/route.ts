import { addContactIdentityEndpoint } from "@/server/rest/endpoints/contacts";

export const POST = addContactIdentityEndpoint.handler;
