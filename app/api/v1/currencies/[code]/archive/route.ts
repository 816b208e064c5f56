import { archiveCurrencyEndpoint } from "@/server/rest/endpoints/network-currencies";

export const POST = archiveCurrencyEndpoint.handler;
