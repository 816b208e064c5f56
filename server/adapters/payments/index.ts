import { RecordingPaymentAdapter } from "./recording";
import type { PaymentAdapter } from "./types";

const globalForPayments = globalThis as unknown as { tesseraPaymentAdapter?: PaymentAdapter };

/**
 * The configured payment adapter. Only the recording adapter exists so far, so it is the default
 * everywhere; a real provider is configured at start-up with `configurePaymentAdapter`.
 */
export function paymentAdapter(): PaymentAdapter {
  globalForPayments.tesseraPaymentAdapter ??= new RecordingPaymentAdapter();
  return globalForPayments.tesseraPaymentAdapter;
}

export function configurePaymentAdapter(adapter: PaymentAdapter): void {
  globalForPayments.tesseraPaymentAdapter = adapter;
}
