import { createCommercePoolEndpoint, listCommercePoolsEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const GET = listCommercePoolsEndpoint.handler;
export const POST = createCommercePoolEndpoint.handler;
