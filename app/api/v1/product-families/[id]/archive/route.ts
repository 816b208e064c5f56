import { archiveProductFamilyEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const POST = archiveProductFamilyEndpoint.handler;
