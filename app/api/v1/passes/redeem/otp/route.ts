import { requestRedemptionOtpEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = requestRedemptionOtpEndpoint.handler;
