import { archiveCommercePoolEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const POST = archiveCommercePoolEndpoint.handler;
