import { placeHoldEndpoint } from "@/server/rest/endpoints/wallet-holds";

export const POST = placeHoldEndpoint.handler;
