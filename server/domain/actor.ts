import type { Role } from "./users/roles";

/** Who is acting: every audit entry, outbox event and journal entry names one. */
export type Actor =
  | { type: "user"; id: string; label: string; role: Role }
  | { type: "api_key"; id: string; label: string; scopes: readonly string[] }
  | { type: "system"; id: null; label: string };

/** Where a request came from, recorded in the audit log. */
export interface RequestOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

export const systemActor = (label = "system"): Actor => ({ type: "system", id: null, label });
