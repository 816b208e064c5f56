import { createPassPlanEndpoint, listPassPlansEndpoint } from "@/server/rest/endpoints/pass-plans";

export const GET = listPassPlansEndpoint.handler;
export const POST = createPassPlanEndpoint.handler;
