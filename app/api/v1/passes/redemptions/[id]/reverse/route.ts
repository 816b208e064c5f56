import { reverseRedemptionEndpoint } from "@/server/rest/endpoints/pass-support";

export const POST = reverseRedemptionEndpoint.handler;
