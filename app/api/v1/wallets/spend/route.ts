import { spendEndpoint } from "@/server/rest/endpoints/wallets";

export const POST = spendEndpoint.handler;
