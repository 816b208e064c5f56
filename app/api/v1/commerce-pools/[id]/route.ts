import { updateCommercePoolEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const PATCH = updateCommercePoolEndpoint.handler;
