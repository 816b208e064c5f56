import { createLotEndpoint, listLotsEndpoint } from "@/server/rest/endpoints/lots";

export const GET = listLotsEndpoint.handler;
export const POST = createLotEndpoint.handler;
