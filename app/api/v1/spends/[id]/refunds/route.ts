import { refundSpendEndpoint } from "@/server/rest/endpoints/wallets";

export const POST = refundSpendEndpoint.handler;
