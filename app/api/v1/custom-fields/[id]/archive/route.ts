import { archiveCustomFieldEndpoint } from "@/server/rest/endpoints/network-custom-fields";

export const POST = archiveCustomFieldEndpoint.handler;
