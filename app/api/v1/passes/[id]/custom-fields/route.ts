import { setPassCustomFieldsEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = setPassCustomFieldsEndpoint.handler;
