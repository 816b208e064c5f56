import { activatePassEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = activatePassEndpoint.handler;
