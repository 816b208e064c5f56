import { releaseHoldEndpoint } from "@/server/rest/endpoints/wallet-holds";

export const POST = releaseHoldEndpoint.handler;
