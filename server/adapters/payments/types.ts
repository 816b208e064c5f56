/** A payout as the payment provider receives it. `idempotencyKey` is the payout id: a retried call pays once. */
export interface PayoutOrder {
  idempotencyKey: string;
  contactId: string;
  currency: string;
  amountMinor: number;
}

export type PayoutOutcome = { ok: true; providerReference: string } | { ok: false; reason: string };

/** Pays open funds out to a contact's payment method (D6). Called outside any database transaction. */
export interface PaymentAdapter {
  name: string;
  pay(order: PayoutOrder): Promise<PayoutOutcome>;
}
