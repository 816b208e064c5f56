import { getLotEndpoint } from "@/server/rest/endpoints/lots";

export const GET = getLotEndpoint.handler;
