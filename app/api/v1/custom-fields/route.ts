import { createCustomFieldEndpoint, listCustomFieldsEndpoint } from "@/server/rest/endpoints/network-custom-fields";

export const GET = listCustomFieldsEndpoint.handler;
export const POST = createCustomFieldEndpoint.handler;
