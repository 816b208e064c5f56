"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { showServerErrors } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import type { IssuedPass } from "@/server/domain/passes/issue/issue-electronic";
import { issueElectronicPassSchema, type IssueElectronicPassFormValues, type IssueElectronicPassInput } from "@/server/domain/passes/issue/schemas";
import { IssuedEgiftCard } from "./issued-egift-card";
import { MoneyInput } from "./plan-form-parts";
import { planValueLabel } from "./plan-labels";

const blank: IssueElectronicPassFormValues = { planId: "", recipient: { email: "", phone: "", name: "" }, valueMinor: undefined };

/** Support issues one eGift of an active electronic plan; its code goes only to the recipient. */
export function IssueEgiftPage({ initialPlanId }: { initialPlanId?: string }) {
  const trpc = useTRPC();
  const plans = useQuery(trpc.passPlans.list.queryOptions({ distribution: "ELECTRONIC", state: "ACTIVE", page: 0, pageSize: 200, sortBy: "name", sortDir: "asc" }));
  const [issued, setIssued] = useState<IssuedPass | null>(null);
  const form = useForm<IssueElectronicPassFormValues, unknown, IssueElectronicPassInput>({
    resolver: zodResolver(issueElectronicPassSchema),
    defaultValues: { ...blank, planId: initialPlanId ?? "" },
  });
  const plan = plans.data?.rows.find((p) => p.id === form.watch("planId"));
  const issue = useMutation(
    trpc.egifts.issue.mutationOptions({
      onSuccess: (pass) => {
        setIssued(pass);
        toast.success(`eGift ${pass.codeMask} issued.`);
        form.reset({ ...blank, planId: pass.planId });
      },
      onError: (err) => showServerErrors(err, form.setError),
    }),
  );
  const errors = form.formState.errors;
  return (
    <div className="space-y-6">
      <PageHeader title="Issue eGift" description="Issues one electronic pass and sends its code by the plan's template. The code is never shown here." />
      <Card>
        <form noValidate className="grid gap-4 sm:grid-cols-2" onSubmit={form.handleSubmit((values) => issue.mutate(values))}>
          {/* Controlled, so a plan chosen by the link is selected once the options arrive. */}
          <Controller
            control={form.control}
            name="planId"
            render={({ field }) => (
              <FormField label="Pass plan" error={errors.planId?.message} className="sm:col-span-2">
                <Select {...field}>
                  <option value="">Choose an active electronic plan…</option>
                  {plans.data?.rows.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({planValueLabel(p)})
                    </option>
                  ))}
                </Select>
              </FormField>
            )}
          />
          {plan?.valueMode === "VARIABLE" && (
            <Controller
              control={form.control}
              name="valueMinor"
              render={({ field }) => (
                <FormField label={`Value (${plan.currency})`} hint={`Between ${planValueLabel(plan)}.`} error={errors.valueMinor?.message}>
                  <MoneyInput value={field.value as number | undefined} onChange={(v) => field.onChange(v ?? undefined)} minorUnits={plan.currencyMinorUnits ?? 2} />
                </FormField>
              )}
            />
          )}
          <FormField label="Recipient email" error={errors.recipient?.email?.message ?? errors.recipient?.message} className="sm:col-start-1">
            <Input type="email" {...form.register("recipient.email")} />
          </FormField>
          <FormField label="Recipient phone" hint="With the country code, e.g. +44 7700 900123." error={errors.recipient?.phone?.message}>
            <Input type="tel" {...form.register("recipient.phone")} />
          </FormField>
          <FormField label="Recipient name" error={errors.recipient?.name?.message}>
            <Input {...form.register("recipient.name")} />
          </FormField>
          <div className="flex items-end justify-end sm:col-span-2">
            <Button type="submit" pending={issue.isPending}>
              Issue eGift
            </Button>
          </div>
        </form>
      </Card>
      {issued && <IssuedEgiftCard pass={issued} minorUnits={plan?.currencyMinorUnits ?? 2} onResent={setIssued} />}
    </div>
  );
}
