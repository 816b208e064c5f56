"use client";

import type { FormEventHandler, ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";

interface FormDialogProps {
  title: string;
  description?: ReactNode;
  /** Unique on the page: the submit button in the footer points at the form by id. */
  formId: string;
  submitLabel: string;
  pending: boolean;
  onClose: () => void;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}

/** A create or edit form in a dialog. Mounted only while open, so each opening starts from its defaults. */
export function FormDialog({ title, description, formId, submitLabel, pending, onClose, onSubmit, children }: FormDialogProps) {
  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      description={description}
      footer={
        <Button type="submit" form={formId} pending={pending}>
          {submitLabel}
        </Button>
      }
    >
      <form id={formId} noValidate className="space-y-4" onSubmit={onSubmit}>
        {children}
      </form>
    </Dialog>
  );
}
