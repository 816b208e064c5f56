import { updateProductFamilyEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const PATCH = updateProductFamilyEndpoint.handler;
