import { getContactEndpoint, updateContactEndpoint } from "@/server/rest/endpoints/contacts";

export const GET = getContactEndpoint.handler;
export const PATCH = updateContactEndpoint.handler;
