import type { Role } from "./roles";

const everyone = ["admin", "marketing", "finance", "support"] as const satisfies readonly Role[];

/**
 * What each role may do (D1). The server checks these in every procedure; the navigation reads
 * the same table so people see what they may use.
 */
export const capabilities = {
  "users.manage": ["admin"],
  "apiKeys.manage": ["admin"],
  "settings.manage": ["admin"],
  "audit.read": ["admin"],
  "customFields.manage": ["admin"],
  "network.read": everyone,
  "network.manage": ["admin"],
  "contacts.read": everyone,
  "contacts.manage": ["admin", "support"],
  "contacts.blockSpending": ["admin", "support"],
  "passPlans.read": everyone,
  "passPlans.manage": ["admin", "marketing"],
  "passes.read": everyone,
  "passes.support": ["admin", "support"],
  /** Pulling one pass out of circulation: support for customers, marketing for a lot's damaged cards. */
  "passes.cancel": ["admin", "marketing", "support"],
  "passes.redeem": ["admin", "support"],
  "messages.read": ["admin", "marketing", "support"],
  "wallets.read": ["admin", "finance", "support"],
  "wallets.adjust": ["admin", "finance"],
  "payouts.approve": ["admin", "finance"],
  "reports.read": ["admin", "finance"],
  "rewards.read": ["admin", "marketing", "finance"],
  "rewards.manage": ["admin", "marketing"],
  "events.read": ["admin", "marketing", "finance"],
  "dashboard.read": everyone,
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

export function can(role: Role, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(role);
}
