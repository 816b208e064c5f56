import { issuePassEndpoint } from "@/server/rest/endpoints/egifts";

export const POST = issuePassEndpoint.handler;
