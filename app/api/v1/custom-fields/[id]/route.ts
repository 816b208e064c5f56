import { updateCustomFieldEndpoint } from "@/server/rest/endpoints/network-custom-fields";

export const PATCH = updateCustomFieldEndpoint.handler;
