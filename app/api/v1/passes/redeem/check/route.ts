import { checkRedemptionEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = checkRedemptionEndpoint.handler;
