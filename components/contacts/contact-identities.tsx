"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/dialog";
import { showServerErrors, toastError } from "@/components/ui/errors";
import { FormField } from "@/components/ui/form-field";
import { Input, Select } from "@/components/ui/input";
import type { Contact, ContactIdentity } from "@/server/domain/contacts/contact-rows";
import { identityTypes } from "@/server/domain/contacts/identity-values";
import { addContactIdentitySchema, type AddContactIdentityInput } from "@/server/domain/contacts/schemas";
import { identityTypeLabels } from "./contact-labels";
import { useContactUpdated } from "./use-contact-updated";

/**
 * Email, phone, contact code and CIM. Changing them follows the domain: a nameless contact gets
 * identities only by registering, and a registered one keeps at least one.
 */
export function ContactIdentities({ contact, canManage }: { contact: Contact; canManage: boolean }) {
  const editable = canManage && contact.kind === "registered" && !contact.mergedIntoId;
  const [removing, setRemoving] = useState<ContactIdentity | null>(null);
  return (
    <Card title="Identities">
      {contact.identities.length === 0 ? (
        <p className="text-sm text-slate-600">A nameless contact has no identities until it is registered; the gift pass it redeemed identifies it.</p>
      ) : (
        <ul aria-label="Identities" className="divide-y divide-slate-100">
          {contact.identities.map((identity) => (
            <li key={identity.id} className="flex items-center justify-between gap-4 py-2 text-sm">
              <span>
                <span className="inline-block w-28 text-slate-500">{identityTypeLabels[identity.type]}</span>
                <span className="font-medium break-all text-slate-900">{identity.value}</span>
              </span>
              {editable && contact.identities.length > 1 && (
                <Button variant="ghost" size="sm" aria-label={`Remove ${identityTypeLabels[identity.type]} ${identity.value}`} onClick={() => setRemoving(identity)}>
                  Remove
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && contact.identities.length === 1 && (
        <p className="mt-2 text-xs text-slate-500">A registered contact keeps at least one identity: add another one before removing this one.</p>
      )}
      {editable && <AddIdentityForm contactId={contact.id} />}
      {editable && <RemoveIdentityDialog contactId={contact.id} identity={removing} onClose={() => setRemoving(null)} />}
    </Card>
  );
}

function AddIdentityForm({ contactId }: { contactId: string }) {
  const trpc = useTRPC();
  const updated = useContactUpdated();
  const emptyForm = { contactId, type: "email", value: "" } as const;
  const form = useForm<AddContactIdentityInput>({ resolver: zodResolver(addContactIdentitySchema), defaultValues: emptyForm });
  const add = useMutation(
    trpc.contacts.addIdentity.mutationOptions({
      onSuccess: (contact) => {
        updated(contact);
        toast.success("The identity was added.");
        form.reset({ ...emptyForm, type: form.getValues("type") });
      },
      onError: (err) => showServerErrors(err, form.setError),
    }),
  );
  return (
    <form
      noValidate
      aria-label="Add an identity"
      className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-200 pt-4"
      onSubmit={form.handleSubmit((values) => add.mutate(values))}
    >
      <FormField label="Identity type" className="w-40">
        <Select {...form.register("type")}>
          {identityTypes.map((type) => (
            <option key={type} value={type}>
              {identityTypeLabels[type]}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField label="Value" className="min-w-56 flex-1" error={form.formState.errors.value?.message}>
        <Input autoComplete="off" {...form.register("value")} />
      </FormField>
      <Button type="submit" variant="secondary" className="mt-6" pending={add.isPending}>
        Add identity
      </Button>
    </form>
  );
}

function RemoveIdentityDialog({ contactId, identity, onClose }: { contactId: string; identity: ContactIdentity | null; onClose: () => void }) {
  const trpc = useTRPC();
  const updated = useContactUpdated();
  const remove = useMutation(
    trpc.contacts.removeIdentity.mutationOptions({
      onSuccess: (contact) => {
        updated(contact);
        toast.success("The identity was removed.");
        onClose();
      },
      onError: toastError,
    }),
  );
  return (
    <ConfirmDialog
      open={identity !== null}
      onClose={onClose}
      title="Remove this identity?"
      description={identity && `${identityTypeLabels[identity.type]} ${identity.value} will no longer find this contact. Events that name it will not reach the contact.`}
      confirmLabel="Remove identity"
      pending={remove.isPending}
      onConfirm={() => identity && remove.mutate({ contactId, identityId: identity.id })}
    />
  );
}
