import { requestPayoutEndpoint } from "@/server/rest/endpoints/wallets";

export const POST = requestPayoutEndpoint.handler;
