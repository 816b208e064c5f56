import { activateLotEndpoint } from "@/server/rest/endpoints/lots";

export const POST = activateLotEndpoint.handler;
