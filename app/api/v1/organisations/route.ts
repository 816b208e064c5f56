import { createOrganisationEndpoint, listOrganisationsEndpoint } from "@/server/rest/endpoints/network-organisations";

export const GET = listOrganisationsEndpoint.handler;
export const POST = createOrganisationEndpoint.handler;
