/**
 * Every expected failure of a domain rule is a DomainError with a stable code. The message is
 * safe to show to a person; `details` carries field errors or facts a client can act on.
 * One table maps each code to its HTTP status and tRPC code, so both front doors agree.
 */
export const domainErrorCodes = {
  VALIDATION_FAILED: { http: 400, trpc: "BAD_REQUEST" },
  INVALID_CHECK_CHARACTER: { http: 400, trpc: "BAD_REQUEST" },
  UNAUTHENTICATED: { http: 401, trpc: "UNAUTHORIZED" },
  FORBIDDEN: { http: 403, trpc: "FORBIDDEN" },
  NOT_FOUND: { http: 404, trpc: "NOT_FOUND" },
  CONFLICT: { http: 409, trpc: "CONFLICT" },
  ALREADY_EXISTS: { http: 409, trpc: "CONFLICT" },
  INVALID_STATE: { http: 409, trpc: "CONFLICT" },
  IDEMPOTENCY_KEY_REUSED: { http: 409, trpc: "CONFLICT" },
  IDEMPOTENCY_KEY_IN_PROGRESS: { http: 409, trpc: "CONFLICT" },
  PLAN_LOCKED: { http: 409, trpc: "CONFLICT" },
  PASS_NOT_ACTIVE: { http: 409, trpc: "CONFLICT" },
  PASS_EXPIRED: { http: 409, trpc: "CONFLICT" },
  /** A one-time or expiring link that was used, replaced or expired. */
  LINK_GONE: { http: 410, trpc: "NOT_FOUND" },
  BUSINESS_RULE: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  INSUFFICIENT_FUNDS: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  CURRENCY_MISMATCH: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  SPENDING_BLOCKED: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  CODE_SPACE_TOO_SMALL: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  INVALID_CREDENTIALS: { http: 422, trpc: "UNPROCESSABLE_CONTENT" },
  TOO_MANY_ATTEMPTS: { http: 429, trpc: "TOO_MANY_REQUESTS" },
  LIMIT_EXCEEDED: { http: 429, trpc: "TOO_MANY_REQUESTS" },
} as const;

export type DomainErrorCode = keyof typeof domainErrorCodes;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "DomainError";
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return domainErrorCodes[this.code].http;
  }

  get trpcCode() {
    return domainErrorCodes[this.code].trpc;
  }
}

export const notFound = (entity: string) => new DomainError("NOT_FOUND", `${entity} not found.`);

/** A refusal that names the field at fault, so forms can show it next to that field. */
export const invalidField = (field: string, message: string) =>
  new DomainError("VALIDATION_FAILED", message, { fieldErrors: { [field]: [message] } });
