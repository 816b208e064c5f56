import { deactivatePassPlanEndpoint } from "@/server/rest/endpoints/pass-plans";

export const POST = deactivatePassPlanEndpoint.handler;
