import { auditLog } from "@/db/schema";
import type { DomainContext } from "../context";
import { newId } from "../ids";

/** Keys whose values never enter the audit log, at any depth (D11). */
const secretKeys = new Set([
  "password",
  "passwordHash",
  "passcode",
  "code",
  "codeHash",
  "codeCiphertext",
  "pin",
  "pinHash",
  "otp",
  "otpHash",
  "key",
  "keyHash",
  "secret",
  "token",
]);

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, secretKeys.has(k) ? "[redacted]" : redactSecrets(v)]),
    );
  }
  return value;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Appends an audit entry in the caller's transaction, naming the actor and where they came from. */
export async function recordAudit(ctx: DomainContext, entry: AuditInput): Promise<void> {
  await ctx.db.insert(auditLog).values({
    id: newId(),
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    actorLabel: ctx.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: entry.before === undefined ? null : redactSecrets(entry.before),
    after: entry.after === undefined ? null : redactSecrets(entry.after),
    ip: ctx.origin?.ip ?? null,
    userAgent: ctx.origin?.userAgent ?? null,
  });
}
