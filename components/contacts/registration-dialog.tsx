"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { showServerErrors, toastError } from "@/components/ui/errors";
import { Input } from "@/components/ui/input";
import { ErrorState, LoadingState } from "@/components/ui/states";
import type { Contact } from "@/server/domain/contacts/contact-rows";
import { createContactSchema, type CreateContactInput } from "@/server/domain/contacts/schemas";
import { contactName, identityTypeLabels } from "./contact-labels";
import { emptyRegistration, RegistrationFields } from "./registration-fields";
import { useContactUpdated } from "./use-contact-updated";

type Target = "new" | "existing";

/**
 * A nameless contact joins a registration (D3), either a new one (it is registered in place and
 * keeps its id and history) or the existing registration of a person who already had an account.
 */
export function RegistrationDialog({ contact, open, onClose }: { contact: Contact; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const updated = useContactUpdated();
  const [target, setTarget] = useState<Target>("new");
  const [intoContactId, setIntoContactId] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const form = useForm<CreateContactInput>({ resolver: zodResolver(createContactSchema), defaultValues: emptyRegistration });
  const register = useMutation(
    trpc.contacts.register.mutationOptions({
      onSuccess: (registered) => {
        updated(registered);
        toast.success(`${contactName(registered)} is registered.`);
        onClose();
      },
      onError: (err) => showServerErrors(err, form.setError),
    }),
  );
  const merge = useMutation(
    trpc.contacts.merge.mutationOptions({
      onSuccess: (into) => {
        updated(into);
        toast.success(`The contact was merged into ${contactName(into)}.`);
        router.push(`/contacts/${into.id}`);
      },
      onError: toastError,
    }),
  );
  const submitMerge = () => {
    if (!intoContactId) return setProblem("Choose the registered contact to merge into.");
    merge.mutate({ contactId: contact.id, intoContactId });
  };
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Merge into registration"
      description="The contact keeps its history. Choose whether the person registers now or already has a registered contact."
      footer={
        <Button type="submit" form={`registration-${target}`} pending={register.isPending || merge.isPending}>
          {target === "new" ? "Register contact" : "Merge contact"}
        </Button>
      }
    >
      <fieldset className="flex flex-wrap gap-4 text-sm">
        <legend className="sr-only">Registration</legend>
        {(
          [
            ["new", "New registration"],
            ["existing", "Existing registered contact"],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" name="registration-target" value={value} checked={target === value} onChange={() => setTarget(value)} className="accent-indigo-600" />
            {label}
          </label>
        ))}
      </fieldset>
      {target === "new" ? (
        <form id="registration-new" noValidate className="space-y-4" onSubmit={form.handleSubmit((values) => register.mutate({ contactId: contact.id, ...values }))}>
          <RegistrationFields form={form} />
        </form>
      ) : (
        <form
          id="registration-existing"
          noValidate
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            submitMerge();
          }}
        >
          <RegisteredContactPicker
            chosen={intoContactId}
            onChoose={(id) => {
              setIntoContactId(id);
              setProblem(undefined);
            }}
          />
          {problem && (
            <p role="alert" className="text-xs text-red-600">
              {problem}
            </p>
          )}
        </form>
      )}
    </Dialog>
  );
}

/** Finds a registered contact by any identity or name; at least three characters, like the list's search. */
function RegisteredContactPicker({ chosen, onChoose }: { chosen?: string; onChoose: (id: string | undefined) => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const term = search.trim();
  const candidates = useQuery({
    ...trpc.contacts.list.queryOptions({ search: term, kind: "registered", page: 0, pageSize: 5 }),
    enabled: term.length >= 3,
  });
  return (
    <>
      <label className="block text-sm font-medium text-slate-700">
        Find the registered contact
        <Input
          type="search"
          className="mt-1"
          placeholder="Email, phone, contact code, CIM or name"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            onChoose(undefined);
          }}
        />
      </label>
      {term.length >= 3 && candidates.isPending && <LoadingState label="Searching…" />}
      {candidates.error && <ErrorState message={candidates.error.message} onRetry={() => void candidates.refetch()} />}
      {term.length >= 3 && candidates.data && <CandidateList candidates={candidates.data.rows} chosen={chosen} onChoose={onChoose} />}
    </>
  );
}

function CandidateList({ candidates, chosen, onChoose }: { candidates: Contact[]; chosen?: string; onChoose: (id: string) => void }) {
  if (candidates.length === 0) return <p className="text-sm text-slate-600">No registered contact matches.</p>;
  return (
    <fieldset className="space-y-2">
      <legend className="sr-only">Registered contacts</legend>
      {candidates.map((candidate) => (
        <label key={candidate.id} className="flex items-start gap-2 rounded-md border border-slate-200 p-2 text-sm hover:bg-slate-50">
          <input type="radio" name="merge-into" className="mt-1 accent-indigo-600" checked={chosen === candidate.id} onChange={() => onChoose(candidate.id)} />
          <span>
            <span className="block font-medium text-slate-900">{contactName(candidate)}</span>
            <span className="block text-slate-600">
              {candidate.identities.map((identity) => `${identityTypeLabels[identity.type]}: ${identity.value}`).join(" · ")}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
