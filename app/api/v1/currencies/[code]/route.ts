import { updateCurrencyEndpoint } from "@/server/rest/endpoints/network-currencies";

export const PATCH = updateCurrencyEndpoint.handler;
