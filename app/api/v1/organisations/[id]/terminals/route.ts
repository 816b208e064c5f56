import { addTerminalEndpoint } from "@/server/rest/endpoints/network-organisations";

export const POST = addTerminalEndpoint.handler;
