import { can, type Capability } from "@/server/domain/users/permissions";
import type { Role } from "@/server/domain/users/roles";

export interface NavItem {
  href: string;
  label: string;
  capability: Capability;
}

/** The sidebar; each item shows only to roles holding its capability (the server checks again). */
export const navigation: NavItem[] = [
  { href: "/dashboard", label: "Dashboard", capability: "dashboard.read" },
  { href: "/passes", label: "Passes", capability: "passPlans.read" },
  { href: "/contacts", label: "Contacts", capability: "contacts.read" },
  { href: "/rewards", label: "Rewards", capability: "rewards.read" },
  { href: "/events", label: "Events", capability: "events.read" },
  { href: "/reports", label: "Reports", capability: "reports.read" },
  { href: "/settings", label: "Settings", capability: "settings.manage" },
];

export const navigationFor = (role: Role) => navigation.filter((item) => can(role, item.capability));

/** Human names of path segments for breadcrumbs; ids fall back to "Details". */
export const segmentLabels: Record<string, string> = {
  dashboard: "Dashboard",
  passes: "Passes",
  contacts: "Contacts",
  rewards: "Rewards",
  events: "Events",
  reports: "Reports",
  settings: "Settings",
  users: "Users",
  "api-keys": "API keys",
  audit: "Audit log",
  organisations: "Organisations",
  products: "Products",
  "commerce-pools": "Commerce pools",
  currencies: "Currencies",
  "custom-fields": "Custom fields",
  outbox: "Message outbox",
  messages: "Messages",
  issue: "Issue eGift",
  plans: "Pass plans",
  lots: "Lots",
  new: "New",
  wallet: "Wallet",
  wallets: "Wallets",
  "passes-summary": "Passes Summary",
  payouts: "Payouts",
};
