import { updateExchangeRateEndpoint } from "@/server/rest/endpoints/network-currencies";

export const PATCH = updateExchangeRateEndpoint.handler;
