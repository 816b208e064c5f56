import { getOrganisationEndpoint, updateOrganisationEndpoint } from "@/server/rest/endpoints/network-organisations";

export const GET = getOrganisationEndpoint.handler;
export const PATCH = updateOrganisationEndpoint.handler;
