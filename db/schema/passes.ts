import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import type { PasscodeFormat } from "../../server/domain/passes/codes/format";
import { timestamps } from "./_columns";
import { contacts } from "./contacts";
import { commercePools, organisations } from "./network";
import { users } from "./users";

export const passTypeEnum = pgEnum("pass_type", ["GIFT", "TOP_UP", "PROMOTION"]);
export const passDistributionEnum = pgEnum("pass_distribution", ["PRINTED", "ELECTRONIC"]);
export const passPlanStateEnum = pgEnum("pass_plan_state", ["DRAFT", "ACTIVE", "INACTIVE"]);
export const passValueModeEnum = pgEnum("pass_value_mode", ["FIXED", "VARIABLE"]);
export const passValidityKindEnum = pgEnum("pass_validity_kind", ["NONE", "DATE", "DURATION"]);
export const valueValidityKindEnum = pgEnum("value_validity_kind", ["NEVER", "PERIOD", "DATE"]);
export const durationUnitEnum = pgEnum("duration_unit", ["DAY", "MONTH"]);
export const passUsageEnum = pgEnum("pass_usage", ["SINGLE", "MULTIPLE"]);
export const promotionCodeModeEnum = pgEnum("promotion_code_mode", ["SINGLE", "UNIQUE"]);
export const passStateEnum = pgEnum("pass_state", ["DRAFT", "ACTIVE", "REDEEMED", "CANCELLED", "EXPIRED"]);
export const lotKindEnum = pgEnum("lot_kind", ["PRINTED", "ON_DEMAND"]);
export const lotGenerationStateEnum = pgEnum("lot_generation_state", ["PENDING", "GENERATING", "COMPLETED", "FAILED"]);
/** A whole-lot action (D5): every draft pass activated, or every draft and active pass cancelled. */
export const lotActionEnum = pgEnum("lot_action", ["ACTIVATE", "CANCEL"]);
export const lotActionStateEnum = pgEnum("lot_action_state", ["PENDING", "RUNNING", "COMPLETED", "FAILED"]);

/** What an electronic plan sends; `{{code}}`, `{{value}}`, `{{expiry}}` and `{{name}}` are filled per pass. */
export interface CommunicationTemplate {
  channels: ("EMAIL" | "SMS")[];
  emailSubject?: string;
  emailBody?: string;
  smsBody?: string;
}

/** Placeholder for the reward offers of D7, so promotion plans can link one before rewards exist. */
export const rewardOffers = pgTable("reward_offers", {
  id: uuid().primaryKey(),
  name: text().notNull(),
  active: boolean().notNull().default(true),
  ...timestamps,
});

/** The only way to make passes (D5). Once a pass exists the plan is locked (see `issuedCount`). */
export const passPlans = pgTable(
  "pass_plans",
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    description: text(),
    type: passTypeEnum().notNull(),
    distribution: passDistributionEnum().notNull(),
    state: passPlanStateEnum().notNull().default("DRAFT"),
    /** null for promotion plans, which carry no money. */
    currency: char({ length: 3 }),
    /** null: redemptions credit the business pocket; set: that pool's pocket. */
    commercePoolId: uuid().references(() => commercePools.id),
    /** null for promotion plans. */
    valueMode: passValueModeEnum(),
    /** The value of every pass of a FIXED plan, in minor units. */
    fixedValueMinor: bigint({ mode: "number" }),
    /** The allowed range of a VARIABLE plan, inclusive. */
    minValueMinor: bigint({ mode: "number" }),
    maxValueMinor: bigint({ mode: "number" }),
    passValidityKind: passValidityKindEnum().notNull().default("NONE"),
    /** For DATE: the last moment a pass may be redeemed. */
    passValidUntil: timestamp({ withTimezone: true }),
    /** For DURATION: how long after issue a pass may be redeemed. */
    passValidityCount: integer(),
    passValidityUnit: durationUnitEnum(),
    /** How long credited funds last in the wallet (gift/top-up); null for promotion plans. */
    valueValidityKind: valueValidityKindEnum(),
    valueValidUntil: timestamp({ withTimezone: true }),
    valueValidityCount: integer(),
    valueValidityUnit: durationUnitEnum(),
    usage: passUsageEnum().notNull().default("SINGLE"),
    /** For MULTIPLE: uses allowed per pass (promotion: in total, once per contact). */
    maxUses: integer(),
    /** Product conditions carried onto credit lots; both empty: no condition. */
    productSkus: text().array().notNull().default([]),
    productFamilyIds: uuid().array().notNull().default([]),
    pinRequired: boolean().notNull().default(false),
    otpRequired: boolean().notNull().default(false),
    passcodeFormat: jsonb().$type<PasscodeFormat>().notNull(),
    /** Promotion plans only: one universal code (SINGLE) or a code per pass (UNIQUE). */
    promotionCodeMode: promotionCodeModeEnum(),
    /** The most passes the plan may ever issue; the code space guard sizes codes for it. */
    maxPasses: integer().notNull(),
    /** Printed plans: passes in the first lot, generated on activation. */
    quantity: integer(),
    printingWebhookEnabled: boolean().notNull().default(false),
    communicationTemplate: jsonb().$type<CommunicationTemplate>(),
    linkedRewardOfferId: uuid().references(() => rewardOffers.id),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Passes issued so far; > 0 locks every setting but name, description and state. */
    issuedCount: integer().notNull().default(0),
    copiedFromId: uuid().references((): AnyPgColumn => passPlans.id),
    createdBy: uuid().references(() => users.id),
    ...timestamps,
  },
  (t) => [
    index("pass_plans_state_idx").on(t.state),
    index("pass_plans_created_at_idx").on(t.createdAt),
    check("pass_plans_issued_within_max", sql`${t.issuedCount} <= ${t.maxPasses}`),
  ],
);

/** A batch of passes: a printed lot generated in the background, or a plan's on-demand lot. */
export const lots = pgTable(
  "lots",
  {
    id: uuid().primaryKey(),
    planId: uuid()
      .notNull()
      .references(() => passPlans.id),
    /** 1, 2, … within the plan. */
    number: integer().notNull(),
    kind: lotKindEnum().notNull(),
    /** Passes to generate (printed); null for the open-ended on-demand lot. */
    quantity: integer(),
    generationState: lotGenerationStateEnum().notNull().default("PENDING"),
    /** Passes written so far: the progress bar, and where a restarted generation resumes. */
    generatedCount: integer().notNull().default(0),
    generationError: text(),
    generationStartedAt: timestamp({ withTimezone: true }),
    generationCompletedAt: timestamp({ withTimezone: true }),
    /** The whole-lot action last requested; it runs in the background, a batch at a time. */
    action: lotActionEnum(),
    actionState: lotActionStateEnum(),
    /** Passes the action had to change when requested, and those changed so far: its progress bar. */
    actionTotal: integer().notNull().default(0),
    actionDone: integer().notNull().default(0),
    actionError: text(),
    actionRequestedAt: timestamp({ withTimezone: true }),
    actionCompletedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("lots_plan_number_uniq").on(t.planId, t.number),
    /** Target of the passes' (lot, plan) foreign key. */
    unique("lots_id_plan_uniq").on(t.id, t.planId),
  ],
);

/**
 * A pass. The plain code is never stored: `codeHash` (keyed HMAC, unique across the business)
 * finds it, `codeCiphertext` (AES-256-GCM with key id) re-sends and prints it, `codeMask` shows it.
 */
export const passes = pgTable(
  "passes",
  {
    id: uuid().primaryKey(),
    /** The lot's plan: the (lot, plan) foreign key below keeps the two consistent. */
    planId: uuid().notNull(),
    lotId: uuid().notNull(),
    /** Position within a printed lot (0-based): resuming generation skips what exists. */
    lotSeq: integer(),
    codeHash: text().notNull(),
    codeCiphertext: text().notNull(),
    codeMask: text().notNull(),
    state: passStateEnum().notNull(),
    /** null for promotion passes. */
    currency: char({ length: 3 }),
    /** null until set for a printed variable-value pass (at sale and activation). */
    initialValueMinor: bigint({ mode: "number" }),
    /** Value still redeemable; equals initial value until a (partial) redemption. */
    remainingValueMinor: bigint({ mode: "number" }),
    usesCount: integer().notNull().default(0),
    /** null: single use (1); otherwise the plan's N. */
    maxUses: integer().notNull().default(1),
    /** Pass validity: null means no expiry. Changeable per pass. */
    expiresAt: timestamp({ withTimezone: true }),
    /** Keyed hash bound to the pass id; null: no PIN. */
    pinHash: text(),
    /** The owner: the contact it was issued to or redeemed by. */
    contactId: uuid().references(() => contacts.id),
    recipientEmail: text(),
    recipientPhone: text(),
    recipientName: text(),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Set on the new pass issued for a lost one. */
    replacesPassId: uuid().references((): AnyPgColumn => passes.id),
    issuedAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
    activatedAt: timestamp({ withTimezone: true }),
    redeemedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    expiredAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true })
      .defaultNow()
      .notNull()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    /**
     * One check per inserted pass instead of one per column (a million-pass lot pays it a million
     * times), and a pass cannot name a plan other than its lot's.
     */
    foreignKey({ name: "passes_lot_plan_fk", columns: [t.lotId, t.planId], foreignColumns: [lots.id, lots.planId] }),
    uniqueIndex("passes_code_hash_uniq").on(t.codeHash),
    uniqueIndex("passes_lot_seq_uniq").on(t.lotId, t.lotSeq),
    index("passes_lot_id_idx").on(t.lotId, t.id),
    index("passes_contact_idx").on(t.contactId),
    index("passes_active_expiry_idx").on(t.expiresAt).where(sql`${t.state} = 'ACTIVE'`),
    /** Passes Summary (D10): keyset order by issue time. */
    index("passes_issued_at_idx").on(t.issuedAt, t.id),
    /** Passes Summary filtered by state, in issue order. */
    index("passes_state_issued_idx").on(t.state, t.issuedAt, t.id),
    /** Passes Summary filtered by plan, in issue order; also a plan's passes for the universal code. */
    index("passes_plan_issued_idx").on(t.planId, t.issuedAt, t.id),
    /**
     * Passes Summary over a range of activation, redemption or expiry dates: its pages in that
     * date's order (keyset on date and id), and the passes of the partial days at the edges of
     * its totals (whole days come from passes_summary). Issue dates use passes_issued_at_idx.
     */
    index("passes_activated_at_idx").on(t.activatedAt, t.id).where(sql`${t.activatedAt} is not null`),
    index("passes_redeemed_at_idx").on(t.redeemedAt, t.id).where(sql`${t.redeemedAt} is not null`),
    index("passes_expires_at_idx").on(t.expiresAt, t.id).where(sql`${t.expiresAt} is not null`),
    check("passes_uses_within_max", sql`${t.usesCount} >= 0 and ${t.usesCount} <= ${t.maxUses}`),
    check("passes_remaining_non_negative", sql`${t.remainingValueMinor} is null or ${t.remainingValueMinor} >= 0`),
  ],
);

/**
 * One use of a pass. The wallet issue adds the credit it caused; promotion redemptions record
 * the contact so that a multi-use code is used once per contact.
 */
export const passRedemptions = pgTable(
  "pass_redemptions",
  {
    id: uuid().primaryKey(),
    passId: uuid()
      .notNull()
      .references(() => passes.id),
    contactId: uuid().references(() => contacts.id),
    /** Value taken from the pass (gift/top-up); null for promotion passes. */
    amountMinor: bigint({ mode: "number" }),
    currency: char({ length: 3 }),
    organisationId: uuid().references(() => organisations.id),
    terminalId: text(),
    actorType: text().notNull(),
    actorId: uuid(),
    /** Set when rolled back (D6); the rollback is its own record, never an edit of the amount. */
    reversedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).defaultNow().notNull(),
  },
  (t) => [
    index("pass_redemptions_pass_idx").on(t.passId),
    index("pass_redemptions_created_at_idx").on(t.createdAt),
    /** Passes Summary's organisation filter: the passes redeemed at an organisation. */
    index("pass_redemptions_organisation_idx").on(t.organisationId, t.passId),
    uniqueIndex("pass_redemptions_promotion_contact_uniq")
      .on(t.passId, t.contactId)
      .where(sql`${t.amountMinor} is null and ${t.reversedAt} is null`),
  ],
);
