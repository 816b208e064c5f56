import { listLotPassesEndpoint } from "@/server/rest/endpoints/lots";

export const GET = listLotPassesEndpoint.handler;
