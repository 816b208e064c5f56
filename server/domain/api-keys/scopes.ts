/** What an API key may do; each REST endpoint names the one scope it needs. */
export const apiScopes = [
  "network:read",
  "network:write",
  "custom-fields:write",
  "contacts:read",
  "contacts:write",
  "passes:read",
  "passes:issue",
  "passes:manage",
  "passes:redeem",
  "wallets:read",
  "wallets:write",
  "wallets:spend",
  "wallets:adjust",
  "payouts:write",
  "events:write",
] as const;
export type ApiScope = (typeof apiScopes)[number];
