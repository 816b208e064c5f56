"use client";

import { Controller, useController, type UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import type { PassPlanFormOptions } from "@/server/domain/pass-plans/read/form-options";
import type { CreatePassPlanFormValues } from "@/server/domain/pass-plans/schemas";
import { CheckboxGroup, MoneyInput, Section } from "./plan-form-parts";
import { unitLabels } from "./plan-labels";

export type PlanForm = UseFormReturn<CreatePassPlanFormValues>;
interface SectionProps {
  form: PlanForm;
  disabled: boolean;
}

/** Form errors by dotted path (nested fields like communicationTemplate.smsBody included). */
function errorAt(form: PlanForm, path: string): string | undefined {
  let node: unknown = form.formState.errors;
  for (const part of path.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return (node as { message?: string } | undefined)?.message;
}

function DurationFields({ form, disabled, prefix, label }: SectionProps & { prefix: "passValidity" | "valueValidity"; label: string }) {
  return (
    <>
      <FormField label={label} error={errorAt(form, `${prefix}Count`)}>
        <Input type="number" {...form.register(`${prefix}Count`, { valueAsNumber: true, disabled })} />
      </FormField>
      <FormField label="Unit" error={errorAt(form, `${prefix}Unit`)}>
        <Select {...form.register(`${prefix}Unit`, { disabled })}>
          <option value="">Choose…</option>
          <option value="DAY">{unitLabels.DAY}</option>
          <option value="MONTH">{unitLabels.MONTH}</option>
        </Select>
      </FormField>
    </>
  );
}

type MoneyName = "fixedValueMinor" | "minValueMinor" | "maxValueMinor";

/** The control FormField labels: it passes id and aria props through to the input. */
function MoneyControl({ form, name, minorUnits, disabled, ...aria }: { form: PlanForm; name: MoneyName; minorUnits: number; disabled: boolean; id?: string }) {
  const { field } = useController({ control: form.control, name, disabled });
  return <MoneyInput value={field.value as number | null} onChange={field.onChange} minorUnits={minorUnits} disabled={disabled} {...aria} />;
}

function SkusControl({ form, disabled, ...aria }: { form: PlanForm; disabled: boolean; id?: string }) {
  const { field } = useController({ control: form.control, name: "productSkus", disabled });
  return <Input defaultValue={(field.value ?? []).join(", ")} disabled={disabled} onChange={(e) => field.onChange(e.target.value.split(",").map((s) => s.trim()).filter(Boolean))} {...aria} />;
}

export function ValueSection({ form, options, disabled }: SectionProps & { options: PassPlanFormOptions }) {
  const currency = options.currencies.find((c) => c.code === form.watch("currency"));
  const minorUnits = currency?.minorUnits ?? 2;
  const valueMode = form.watch("valueMode");
  const money = (name: MoneyName, label: string) => (
    <FormField label={label} error={errorAt(form, name)}>
      <MoneyControl form={form} name={name} minorUnits={minorUnits} disabled={disabled} />
    </FormField>
  );
  return (
    <Section title="Value" description="Gift and top-up passes carry money in one currency.">
      <FormField label="Currency" error={errorAt(form, "currency")}>
        <Select {...form.register("currency", { disabled })}>
          <option value="">Choose…</option>
          {options.currencies.map((c) => (
            <option key={c.code} value={c.code}>{`${c.code} – ${c.name}`}</option>
          ))}
        </Select>
      </FormField>
      <FormField label="Commerce pool" error={errorAt(form, "commercePoolId")} hint="Empty: redemptions credit the business pocket.">
        <Select {...form.register("commercePoolId", { disabled })}>
          <option value="">None (business pocket)</option>
          {options.commercePools.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </Select>
      </FormField>
      <FormField label="Value" error={errorAt(form, "valueMode")}>
        <Select {...form.register("valueMode", { disabled })}>
          <option value="FIXED">Fixed amount</option>
          <option value="VARIABLE">Variable (range)</option>
        </Select>
      </FormField>
      {valueMode === "VARIABLE" ? (
        <>
          {money("minValueMinor", "Minimum value")}
          {money("maxValueMinor", "Maximum value")}
        </>
      ) : (
        money("fixedValueMinor", "Amount")
      )}
      <FormField label="Product SKUs" error={errorAt(form, "productSkus")} hint="Comma-separated; empty: any product.">
        <SkusControl form={form} disabled={disabled} />
      </FormField>
      {options.productFamilies.length > 0 && (
        <Controller
          control={form.control}
          name="productFamilyIds"
          disabled={disabled}
          render={({ field }) => (
            <CheckboxGroup legend="Product families" options={options.productFamilies.map((f) => ({ value: f.id, label: f.name }))} value={field.value} onChange={field.onChange} disabled={disabled} error={errorAt(form, "productFamilyIds")} />
          )}
        />
      )}
    </Section>
  );
}

export function ValiditySection({ form, disabled }: SectionProps) {
  const isPromotion = form.watch("type") === "PROMOTION";
  const passKind = form.watch("passValidityKind");
  const valueKind = form.watch("valueValidityKind");
  return (
    <Section title="Validity" description="Pass validity: when a pass may be redeemed. Value validity: how long credited funds last in the wallet.">
      <FormField label="Pass validity" error={errorAt(form, "passValidityKind")}>
        <Select {...form.register("passValidityKind", { disabled })}>
          <option value="NONE">No expiry</option>
          <option value="DATE">Until a date</option>
          {!isPromotion && <option value="DURATION">For a duration after issue</option>}
        </Select>
      </FormField>
      {passKind === "DATE" && (
        <FormField label="Pass valid until" error={errorAt(form, "passValidUntil")}>
          <Input type="date" {...form.register("passValidUntil", { disabled })} />
        </FormField>
      )}
      {passKind === "DURATION" && <DurationFields form={form} disabled={disabled} prefix="passValidity" label="Pass valid for" />}
      {!isPromotion && (
        <>
          <FormField label="Value validity" error={errorAt(form, "valueValidityKind")}>
            <Select {...form.register("valueValidityKind", { disabled })}>
              <option value="NEVER">Never expires</option>
              <option value="PERIOD">For a period after redemption</option>
              <option value="DATE">Until a date</option>
            </Select>
          </FormField>
          {valueKind === "DATE" && (
            <FormField label="Value valid until" error={errorAt(form, "valueValidUntil")}>
              <Input type="date" {...form.register("valueValidUntil", { disabled })} />
            </FormField>
          )}
          {valueKind === "PERIOD" && <DurationFields form={form} disabled={disabled} prefix="valueValidity" label="Funds last for" />}
        </>
      )}
    </Section>
  );
}

export function UsageSection({ form, disabled }: SectionProps) {
  return (
    <Section title="Usage">
      <FormField label="Usage" error={errorAt(form, "usage")}>
        <Select {...form.register("usage", { disabled })}>
          <option value="SINGLE">Single use</option>
          <option value="MULTIPLE">Multiple uses</option>
        </Select>
      </FormField>
      {form.watch("usage") === "MULTIPLE" && (
        <FormField label="Uses per pass" error={errorAt(form, "maxUses")}>
          <Input type="number" {...form.register("maxUses", { valueAsNumber: true, disabled })} />
        </FormField>
      )}
    </Section>
  );
}

export function DistributionSection({ form, disabled }: SectionProps) {
  const printed = form.watch("distribution") === "PRINTED";
  const singleCode = form.watch("type") === "PROMOTION" && form.watch("promotionCodeMode") === "SINGLE";
  const channels = form.watch("communicationTemplate.channels") ?? [];
  return (
    <Section title={printed ? "Printing" : "Delivery"}>
      {printed && (
        <FormField label="Quantity" error={errorAt(form, "quantity")} hint="Passes in the first lot, generated on activation.">
          <Input type="number" {...form.register("quantity", { valueAsNumber: true, disabled })} />
        </FormField>
      )}
      <FormField label="Maximum passes" error={errorAt(form, "maxPasses")} hint="The most passes the plan may ever issue.">
        <Input type="number" {...form.register("maxPasses", { valueAsNumber: true, disabled })} />
      </FormField>
      {printed ? (
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <Checkbox {...form.register("printingWebhookEnabled", { disabled })} /> Notify the printing house when a lot is ready
        </label>
      ) : (
        !singleCode && (
          <>
            <Controller
              control={form.control}
              name="communicationTemplate.channels"
              disabled={disabled}
              render={({ field }) => (
                <CheckboxGroup
                  legend="Send passes by"
                  options={[{ value: "EMAIL", label: "Email" }, { value: "SMS", label: "SMS" }]}
                  value={field.value}
                  onChange={field.onChange}
                  disabled={disabled}
                  error={errorAt(form, "communicationTemplate.channels")}
                />
              )}
            />
            <p className="text-xs text-slate-500 sm:col-span-2">Placeholders: {"{{code}}, {{value}}, {{expiry}}, {{name}}"}.</p>
            {channels.includes("EMAIL") && (
              <>
                <FormField label="Email subject" error={errorAt(form, "communicationTemplate.emailSubject")} className="sm:col-span-2">
                  <Input {...form.register("communicationTemplate.emailSubject", { disabled })} />
                </FormField>
                <FormField label="Email text" error={errorAt(form, "communicationTemplate.emailBody")} className="sm:col-span-2">
                  <Textarea {...form.register("communicationTemplate.emailBody", { disabled })} />
                </FormField>
              </>
            )}
            {channels.includes("SMS") && (
              <FormField label="SMS text" error={errorAt(form, "communicationTemplate.smsBody")} className="sm:col-span-2">
                <Textarea {...form.register("communicationTemplate.smsBody", { disabled })} />
              </FormField>
            )}
          </>
        )
      )}
    </Section>
  );
}

export function PromotionSection({ form, options, disabled }: SectionProps & { options: PassPlanFormOptions }) {
  return (
    <Section title="Promotion">
      <FormField label="Codes" error={errorAt(form, "promotionCodeMode")}>
        <Select {...form.register("promotionCodeMode", { disabled })}>
          <option value="">Choose…</option>
          <option value="SINGLE">One universal code</option>
          <option value="UNIQUE">A unique code per pass</option>
        </Select>
      </FormField>
      {form.watch("promotionCodeMode") === "SINGLE" && (
        <FormField label="Universal code" error={errorAt(form, "universalCode")} hint="Stored only hashed and encrypted; it must follow the passcode format.">
          <Input autoComplete="off" {...form.register("universalCode", { disabled })} />
        </FormField>
      )}
      <FormField label="Reward offer" error={errorAt(form, "linkedRewardOfferId")} hint="Redeeming the code unlocks this offer.">
        <Select {...form.register("linkedRewardOfferId", { disabled })}>
          <option value="">None</option>
          {options.rewardOffers.map((o) => (
            <option key={o.id} value={o.id}>{o.name}</option>
          ))}
        </Select>
      </FormField>
    </Section>
  );
}

export function CustomFieldInputs({ form, definitions, disabled }: SectionProps & { definitions: PassPlanFormOptions["customFields"] }) {
  return (
    <Section title="Custom fields">
      {definitions.map((d) => {
        const name = `customFields.${d.key}` as const;
        const error = errorAt(form, name);
        const label = d.required ? `${d.label} (required)` : d.label;
        if (d.type === "boolean") {
          return (
            <label key={d.key} className="flex items-center gap-2 text-sm text-slate-700">
              <Checkbox {...form.register(name, { disabled })} /> {label}
            </label>
          );
        }
        return (
          <FormField key={d.key} label={label} error={error}>
            {d.type === "select" ? (
              <Select {...form.register(name, { disabled })}>
                <option value="">Choose…</option>
                {d.options.map((o) => (
                  <option key={o} value={o}>{o}</option>
                ))}
              </Select>
            ) : (
              <Input type={d.type === "number" ? "number" : d.type === "date" ? "date" : "text"} {...form.register(name, { disabled, valueAsNumber: d.type === "number" })} />
            )}
          </FormField>
        );
      })}
    </Section>
  );
}
