import type { PaymentAdapter, PayoutOrder, PayoutOutcome } from "./types";

/**
 * The payment adapter of development and tests: pays nothing, records every call, and answers
 * success unless told to fail the next calls (`failNext`).
 */
export class RecordingPaymentAdapter implements PaymentAdapter {
  readonly name = "recording";
  readonly calls: PayoutOrder[] = [];
  private failures: string[] = [];

  failNext(reason: string, times = 1) {
    for (let i = 0; i < times; i++) this.failures.push(reason);
  }

  async pay(order: PayoutOrder): Promise<PayoutOutcome> {
    this.calls.push({ ...order });
    const failure = this.failures.shift();
    if (failure) return { ok: false, reason: failure };
    return { ok: true, providerReference: `rec_${order.idempotencyKey}` };
  }
}
