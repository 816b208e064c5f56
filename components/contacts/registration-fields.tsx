"use client";

import type { UseFormReturn } from "react-hook-form";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { CreateContactInput } from "@/server/domain/contacts/schemas";

export const emptyRegistration: CreateContactInput = { firstName: "", lastName: "", email: "", phone: "", contactCode: "", cim: "" };

/** Names and identities, shared by "New contact" and "Register this contact". */
export function RegistrationFields({ form }: { form: UseFormReturn<CreateContactInput> }) {
  const errors = form.formState.errors;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="First name" error={errors.firstName?.message}>
          <Input autoComplete="off" {...form.register("firstName")} />
        </FormField>
        <FormField label="Last name" error={errors.lastName?.message}>
          <Input autoComplete="off" {...form.register("lastName")} />
        </FormField>
      </div>
      <p className="text-sm text-slate-600">At least one identity: each belongs to one contact only.</p>
      <FormField label="Email" error={errors.email?.message}>
        <Input type="email" autoComplete="off" {...form.register("email")} />
      </FormField>
      <FormField label="Phone" hint="With the country code, e.g. +44 7700 900123." error={errors.phone?.message}>
        <Input type="tel" autoComplete="off" {...form.register("phone")} />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="Contact code" error={errors.contactCode?.message}>
          <Input autoComplete="off" {...form.register("contactCode")} />
        </FormField>
        <FormField label="CIM" hint="Loyalty card number or other identification medium." error={errors.cim?.message}>
          <Input autoComplete="off" {...form.register("cim")} />
        </FormField>
      </div>
    </>
  );
}
