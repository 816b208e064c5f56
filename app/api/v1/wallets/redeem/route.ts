import { redeemFundsEndpoint } from "@/server/rest/endpoints/wallets";

export const POST = redeemFundsEndpoint.handler;
