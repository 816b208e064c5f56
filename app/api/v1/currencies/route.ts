import { createCurrencyEndpoint, listCurrenciesEndpoint } from "@/server/rest/endpoints/network-currencies";

export const GET = listCurrenciesEndpoint.handler;
export const POST = createCurrencyEndpoint.handler;
