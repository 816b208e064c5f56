import { createProductEndpoint, listProductsEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const GET = listProductsEndpoint.handler;
export const POST = createProductEndpoint.handler;
