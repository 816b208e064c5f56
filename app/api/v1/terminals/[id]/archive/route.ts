import { archiveTerminalEndpoint } from "@/server/rest/endpoints/network-organisations";

export const POST = archiveTerminalEndpoint.handler;
