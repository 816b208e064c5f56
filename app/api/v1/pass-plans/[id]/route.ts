import { getPassPlanEndpoint, updatePassPlanEndpoint } from "@/server/rest/endpoints/pass-plans";

export const GET = getPassPlanEndpoint.handler;
export const PATCH = updatePassPlanEndpoint.handler;
