import { updateTerminalEndpoint } from "@/server/rest/endpoints/network-organisations";

export const PATCH = updateTerminalEndpoint.handler;
