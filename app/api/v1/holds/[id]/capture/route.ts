import { captureHoldEndpoint } from "@/server/rest/endpoints/wallet-holds";

export const POST = captureHoldEndpoint.handler;
