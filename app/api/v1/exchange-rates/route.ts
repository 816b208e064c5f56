import { createExchangeRateEndpoint, listExchangeRatesEndpoint } from "@/server/rest/endpoints/network-currencies";

export const GET = listExchangeRatesEndpoint.handler;
export const POST = createExchangeRateEndpoint.handler;
