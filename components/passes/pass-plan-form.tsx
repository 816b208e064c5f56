"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useForm, type Resolver } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { showServerErrors } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorState, LoadingState } from "@/components/ui/states";
import { passDistributions, passTypes } from "@/server/domain/pass-plans/kinds";
import type { PassPlanDetail } from "@/server/domain/pass-plans/read/list";
import { createPassPlanSchema, updatePassPlanSchema, type CreatePassPlanFormValues } from "@/server/domain/pass-plans/schemas";
import { passcodeCharsets } from "@/server/domain/passes/codes/format";
import { CustomFieldInputs, DistributionSection, PromotionSection, UsageSection, ValiditySection, ValueSection, type PlanForm } from "./plan-form-sections";
import { PasscodePreview, Section } from "./plan-form-parts";
import { distributionLabels, typeLabels } from "./plan-labels";

const editSchema = updatePassPlanSchema.omit({ id: true });

const newPlanDefaults: CreatePassPlanFormValues = {
  name: "",
  type: "GIFT",
  distribution: "PRINTED",
  valueMode: "FIXED",
  valueValidityKind: "NEVER",
  passValidityKind: "NONE",
  usage: "SINGLE",
  passcodeFormat: { charset: "NUMERIC", length: 12, prefix: "", suffix: "", checkCharacter: true },
  maxPasses: 1000,
  quantity: 1000,
  customFields: {},
};

const dateInput = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** A stored plan as form values: dates as yyyy-mm-dd, everything else as stored. */
function valuesOf(plan: PassPlanDetail): CreatePassPlanFormValues {
  const { id: _id, state: _s, issuedCount: _i, copiedFromId: _c, createdBy: _b, createdAt: _ca, updatedAt: _ua, currencyMinorUnits: _m, locked: _l, universalCodeMask: _u, ...settings } = plan;
  return { ...settings, passValidUntil: dateInput(plan.passValidUntil), valueValidUntil: dateInput(plan.valueValidUntil) };
}

/** Creates a plan, or edits one (`plan`): a locked plan's settings are shown but disabled. */
export function PassPlanForm({ plan }: { plan?: PassPlanDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.passPlans.formOptions.queryOptions());
  const locked = !!plan?.locked;
  const form: PlanForm = useForm<CreatePassPlanFormValues>({
    resolver: (plan ? zodResolver(editSchema) : zodResolver(createPassPlanSchema)) as Resolver<CreatePassPlanFormValues>,
    defaultValues: plan ? valuesOf(plan) : newPlanDefaults,
    shouldUnregister: true,
  });
  const onSaved = (saved: { id: string; name: string }) => {
    toast.success(plan ? `${saved.name} was saved.` : `${saved.name} was created.`);
    void queryClient.invalidateQueries({ queryKey: trpc.passPlans.pathKey() });
    router.push(`/passes/plans/${saved.id}`);
  };
  const onError = (err: unknown) => showServerErrors(err, form.setError);
  const create = useMutation(trpc.passPlans.create.mutationOptions({ onSuccess: onSaved, onError }));
  const update = useMutation(trpc.passPlans.update.mutationOptions({ onSuccess: onSaved, onError }));

  if (options.error) return <ErrorState message={options.error.message} onRetry={() => void options.refetch()} />;
  if (!options.data) return <LoadingState />;

  const { register, watch, formState } = form;
  const errors = formState.errors;
  const type = watch("type");
  const format = watch("passcodeFormat");
  const isPromotion = type === "PROMOTION";
  const settingsDisabled = locked;

  const submit = form.handleSubmit((values) => {
    if (plan) update.mutate({ ...(values as object), id: plan.id } as Parameters<typeof update.mutate>[0]);
    else create.mutate(values as Parameters<typeof create.mutate>[0]);
  });

  return (
    <>
      <PageHeader title={plan ? `Edit ${plan.name}` : "New pass plan"} description="Every setting of the plan; passes follow them." />
      {locked && (
        <p role="note" className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This plan has passes, so its settings are locked: only the name and description can change. Copy the plan to make one with other settings.
        </p>
      )}
      <form noValidate onSubmit={submit} className="space-y-6" aria-label={plan ? "Edit pass plan" : "New pass plan"}>
        <Section title="Basics">
          <FormField label="Name" error={errors.name?.message}>
            <Input {...register("name")} />
          </FormField>
          <FormField label="Type" error={errors.type?.message}>
            <Select {...register("type", { disabled: settingsDisabled })}>
              {passTypes.map((t) => (
                <option key={t} value={t}>{typeLabels[t]}</option>
              ))}
            </Select>
          </FormField>
          <FormField label="Description" error={errors.description?.message} className="sm:col-span-2">
            <Textarea {...register("description")} />
          </FormField>
          <FormField label="Distribution" error={errors.distribution?.message}>
            <Select {...register("distribution", { disabled: settingsDisabled })}>
              {passDistributions.map((d) => (
                <option key={d} value={d}>{distributionLabels[d]}</option>
              ))}
            </Select>
          </FormField>
        </Section>
        {!isPromotion && <ValueSection form={form} options={options.data} disabled={settingsDisabled} />}
        <ValiditySection form={form} disabled={settingsDisabled} />
        <UsageSection form={form} disabled={settingsDisabled} />
        <Section title="Security">
          {!isPromotion && (
            <label className="flex items-center gap-2 text-sm text-slate-700">
              <Checkbox {...register("pinRequired", { disabled: settingsDisabled })} /> Require a PIN (4–8 digits, per pass)
            </label>
          )}
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <Checkbox {...register("otpRequired", { disabled: settingsDisabled })} /> Verify redemptions with a one-time password
          </label>
          {errors.pinRequired?.message && <p role="alert" className="text-xs text-red-600">{errors.pinRequired.message}</p>}
        </Section>
        <Section title="Passcode format" description="Codes are unique across the business. The code space must hold a million codes per pass the plan may issue.">
          <FormField label="Characters" error={errors.passcodeFormat?.charset?.message}>
            <Select {...register("passcodeFormat.charset", { disabled: settingsDisabled })}>
              {passcodeCharsets.map((c) => (
                <option key={c} value={c}>{c === "NUMERIC" ? "Digits" : "Letters and digits (no 0/O, 1/I)"}</option>
              ))}
            </Select>
          </FormField>
          <FormField label="Random characters" error={errors.passcodeFormat?.length?.message}>
            <Input type="number" {...register("passcodeFormat.length", { valueAsNumber: true, disabled: settingsDisabled })} />
          </FormField>
          <FormField label="Prefix" error={errors.passcodeFormat?.prefix?.message}>
            <Input {...register("passcodeFormat.prefix", { disabled: settingsDisabled })} />
          </FormField>
          <FormField label="Suffix" error={errors.passcodeFormat?.suffix?.message}>
            <Input {...register("passcodeFormat.suffix", { disabled: settingsDisabled })} />
          </FormField>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <Checkbox {...register("passcodeFormat.checkCharacter", { disabled: settingsDisabled })} /> Add a check character (catches typos)
          </label>
          {format && (
            <PasscodePreview
              format={{ charset: format.charset, length: Number(format.length), prefix: format.prefix ?? "", suffix: format.suffix ?? "", checkCharacter: !!format.checkCharacter }}
              maxPasses={Number(watch("maxPasses"))}
            />
          )}
        </Section>
        <DistributionSection form={form} disabled={settingsDisabled} />
        {isPromotion && <PromotionSection form={form} options={options.data} disabled={settingsDisabled} />}
        {options.data.customFields.length > 0 && <CustomFieldInputs form={form} definitions={options.data.customFields} disabled={settingsDisabled} />}
        <div className="flex gap-2">
          <Button type="submit" pending={create.isPending || update.isPending}>
            {plan ? "Save changes" : "Create pass plan"}
          </Button>
          <Link href={plan ? `/passes/plans/${plan.id}` : "/passes"} className="inline-flex h-10 items-center px-4 text-sm text-slate-700 hover:underline">
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
