import type { PaymentAdapter, PayoutOrder, PayoutOutcome } from "./types";

/**
 * The payment adapter of development and tests: pays nothing, records every call, and answers
 * success unless told to refuse the next calls (`failNext`) or to be unreachable (`unreachableNext`).
 */
export class RecordingPaymentAdapter implements PaymentAdapter {
  readonly name = "recording";
  readonly calls: PayoutOrder[] = [];
  private failures: { reason: string; unreachable: boolean }[] = [];

  failNext(reason: string, times = 1) {
    for (let i = 0; i < times; i++) this.failures.push({ reason, unreachable: false });
  }

  /** The next calls throw, as a provider that cannot be reached (or times out) does. */
  unreachableNext(times = 1) {
    for (let i = 0; i < times; i++) this.failures.push({ reason: "The payment provider could not be reached.", unreachable: true });
  }

  async pay(order: PayoutOrder): Promise<PayoutOutcome> {
    this.calls.push({ ...order });
    const failure = this.failures.shift();
    if (failure?.unreachable) throw new Error(failure.reason);
    if (failure) return { ok: false, reason: failure.reason };
    return { ok: true, providerReference: `rec_${order.idempotencyKey}` };
  }
}
