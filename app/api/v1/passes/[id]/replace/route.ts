import { replaceLostPassEndpoint } from "@/server/rest/endpoints/pass-support";

export const POST = replaceLostPassEndpoint.handler;
