import { redeemPassEndpoint } from "@/server/rest/endpoints/pass-actions";

export const POST = redeemPassEndpoint.handler;
