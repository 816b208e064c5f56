import { createProductFamilyEndpoint, listProductFamiliesEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const GET = listProductFamiliesEndpoint.handler;
export const POST = createProductFamilyEndpoint.handler;
