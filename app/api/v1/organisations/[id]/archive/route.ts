import { archiveOrganisationEndpoint } from "@/server/rest/endpoints/network-organisations";

export const POST = archiveOrganisationEndpoint.handler;
