import { cancelLotEndpoint } from "@/server/rest/endpoints/lots";

export const POST = cancelLotEndpoint.handler;
