import { resetPassPinEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = resetPassPinEndpoint.handler;
