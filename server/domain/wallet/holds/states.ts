/** A hold's life (D4): ACTIVE until captured, released, or expired (released by the expiry job). */
export const holdStates = ["ACTIVE", "CAPTURED", "RELEASED", "EXPIRED"] as const;
export type HoldState = (typeof holdStates)[number];
