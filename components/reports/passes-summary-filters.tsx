"use client";

import { addDays, format } from "date-fns";
import { typeLabels } from "@/components/passes/plan-labels";
import { passStateLabels } from "@/components/passes/lot-labels";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { passTypes, type PassType } from "@/server/domain/pass-plans/kinds";
import type { PassesSummaryOptions } from "@/server/domain/reports/passes-summary/options";
import { passesSummaryDateFields, passStates, type PassesSummaryDateField, type PassesSummaryFiltersInput } from "@/server/domain/reports/passes-summary/schemas";

/** The filters as the form holds them: "" is "any", dates are calendar days (UTC). */
export interface FilterValues {
  planId: string;
  type: PassType | "";
  state: (typeof passStates)[number] | "";
  organisationId: string;
  dateField: PassesSummaryDateField;
  from: string;
  to: string;
}

export const noFilters: FilterValues = { planId: "", type: "", state: "", organisationId: "", dateField: "issued", from: "", to: "" };

const dateFieldLabels: Record<PassesSummaryDateField, string> = { issued: "Issued", activated: "Activated", redeemed: "Redeemed", expires: "Expires" };

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The report's filter input: the "to" day is included whole (the range ends at the next midnight). */
export function filtersOf(values: FilterValues): PassesSummaryFiltersInput {
  const to = values.to ? addDays(utcDay(values.to), 1) : undefined;
  const from = values.from ? utcDay(values.from) : undefined;
  return {
    planId: values.planId || undefined,
    type: values.type || undefined,
    state: values.state || undefined,
    organisationId: values.organisationId || undefined,
    dateField: values.dateField,
    from,
    to: to && from && to <= from ? undefined : to,
  };
}

interface Props {
  values: FilterValues;
  options: PassesSummaryOptions | undefined;
  onChange: (values: FilterValues) => void;
}

export function PassesSummaryFilters({ values, options, onChange }: Props) {
  const set = <K extends keyof FilterValues>(key: K) => (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value as FilterValues[K] });
  const plans = options?.plans.filter((plan) => !values.type || plan.type === values.type) ?? [];
  const backwards = !!(values.from && values.to && values.to < values.from);
  return (
    <form aria-label="Filter the report" className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
      <FormField label="Plan" className="lg:col-span-2">
        <Select value={values.planId} onChange={set("planId")}>
          <option value="">All plans</option>
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {plan.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Type">
        <Select value={values.type} onChange={(e) => onChange({ ...values, type: e.target.value as PassType | "", planId: "" })}>
          <option value="">All types</option>
          {passTypes.map((type) => (
            <option key={type} value={type}>
              {typeLabels[type]}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="State">
        <Select value={values.state} onChange={set("state")}>
          <option value="">All states</option>
          {passStates.map((state) => (
            <option key={state} value={state}>
              {passStateLabels[state].label}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Redeemed at" className="lg:col-span-2" hint="Passes with a redemption (not reversed) at this organisation.">
        <Select value={values.organisationId} onChange={set("organisationId")}>
          <option value="">Any organisation</option>
          {options?.organisations.map((org) => (
            <option key={org.id} value={org.id}>
              {org.archived ? `${org.name} (archived)` : org.name}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Date">
        <Select value={values.dateField} onChange={set("dateField")}>
          {passesSummaryDateFields.map((field) => (
            <option key={field} value={field}>
              {dateFieldLabels[field]}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="From">
        <Input type="date" value={values.from} max={values.to || undefined} onChange={set("from")} />
      </FormField>
      <FormField label="To" error={backwards ? "The end comes before the start." : undefined} hint="Days are UTC; the end day is included.">
        <Input type="date" value={values.to} min={values.from || undefined} onChange={set("to")} />
      </FormField>
    </form>
  );
}

/** "1 Mar 2021" for an instant, or "—". */
export const dayLabel = (date: Date | null) => (date ? format(date, "d MMM yyyy") : "—");
