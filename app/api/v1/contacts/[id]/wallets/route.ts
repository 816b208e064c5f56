import { contactWalletsEndpoint } from "@/server/rest/endpoints/wallets";

export const GET = contactWalletsEndpoint.handler;
