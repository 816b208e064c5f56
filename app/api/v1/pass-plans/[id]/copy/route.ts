import { copyPassPlanEndpoint } from "@/server/rest/endpoints/pass-plans";

export const POST = copyPassPlanEndpoint.handler;
