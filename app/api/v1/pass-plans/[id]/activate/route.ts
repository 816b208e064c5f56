import { activatePassPlanEndpoint } from "@/server/rest/endpoints/pass-plans";

export const POST = activatePassPlanEndpoint.handler;
