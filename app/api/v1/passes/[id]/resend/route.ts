import { resendPassEndpoint } from "@/server/rest/endpoints/egifts";

export const POST = resendPassEndpoint.handler;
