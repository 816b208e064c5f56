import { adjustWalletEndpoint } from "@/server/rest/endpoints/wallet-holds";

export const POST = adjustWalletEndpoint.handler;
