import { archiveExchangeRateEndpoint } from "@/server/rest/endpoints/network-currencies";

export const POST = archiveExchangeRateEndpoint.handler;
