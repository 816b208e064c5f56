import { changePassExpiryEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = changePassExpiryEndpoint.handler;
