import { changePassValueEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = changePassValueEndpoint.handler;
