import { cancelPassEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = cancelPassEndpoint.handler;
