import { ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "@/server/domain/errors";

export interface ErrorBody {
  error: { code: DomainErrorCode | "INTERNAL_ERROR"; message: string; details: Record<string, unknown> | null };
}

export interface RestResult {
  status: number;
  body: unknown;
}

/** The error envelope of ARCHITECTURE.md; unknown errors are logged and answered generically. */
export function errorResult(err: unknown): RestResult {
  if (err instanceof DomainError) {
    return { status: err.httpStatus, body: envelope(err.code, err.message, err.details ?? null) };
  }
  if (err instanceof ZodError) {
    return {
      status: 400,
      body: envelope("VALIDATION_FAILED", "The request is not valid.", { ...err.flatten() }),
    };
  }
  console.error("REST request failed", err);
  return { status: 500, body: envelope("INTERNAL_ERROR", "Something went wrong. Please try again.", null) };
}

function envelope(code: ErrorBody["error"]["code"], message: string, details: Record<string, unknown> | null): ErrorBody {
  return { error: { code, message, details } };
}

export function isExpectedError(err: unknown): boolean {
  return err instanceof DomainError || err instanceof ZodError;
}
