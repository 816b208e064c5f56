import { toast } from "sonner";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";

interface TrpcLikeError {
  message: string;
  data?: {
    domainCode?: string | null;
    zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
    details?: { fieldErrors?: Record<string, string[] | undefined> } | null;
  } | null;
}

/** Field errors from zod validation or from a domain refusal that names its field. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const data = (error as TrpcLikeError | null)?.data;
  const source = { ...data?.zodError?.fieldErrors, ...data?.details?.fieldErrors };
  return Object.fromEntries(
    Object.entries(source)
      .filter(([, messages]) => messages && messages.length > 0)
      .map(([field, messages]) => [field, messages![0]!]),
  );
}

/** Puts server field errors next to their fields; anything else becomes a toast. */
export function showServerErrors<T extends FieldValues>(error: unknown, setError?: UseFormSetError<T>) {
  const fields = fieldErrorsOf(error);
  const names = Object.keys(fields);
  if (setError && names.length > 0) {
    for (const name of names) setError(name as Path<T>, { type: "server", message: fields[name] });
    return;
  }
  toastError(error);
}

export function toastError(error: unknown) {
  const message = (error as TrpcLikeError | null)?.message ?? "Something went wrong. Please try again.";
  toast.error(message);
}
