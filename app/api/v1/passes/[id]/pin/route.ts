import { setPassPinEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = setPassPinEndpoint.handler;
