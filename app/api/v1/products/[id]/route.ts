import { getProductEndpoint, updateProductEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const GET = getProductEndpoint.handler;
export const PATCH = updateProductEndpoint.handler;
