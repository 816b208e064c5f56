import { archiveProductEndpoint } from "@/server/rest/endpoints/network-catalogue";

export const POST = archiveProductEndpoint.handler;
