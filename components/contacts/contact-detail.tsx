"use client";

import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { useTRPC } from "@/components/providers/trpc";
import { BreadcrumbLabel } from "@/components/shell/breadcrumbs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import type { Contact } from "@/server/domain/contacts/contact-rows";
import { WalletSummaryCard } from "@/components/wallet/wallet-summary-card";
import { ContactIdentities } from "./contact-identities";
import { contactName } from "./contact-labels";
import { ContactNamesDialog } from "./contact-names-dialog";
import { RegistrationDialog } from "./registration-dialog";
import { SpendingBlockDialog } from "./spending-block-dialog";

const when = (date: Date) => format(date, "d MMM yyyy, HH:mm");

type OpenDialog = "names" | "registration" | "spending" | null;

interface ContactDetailProps {
  /** Loaded by the server page, so the first paint needs no round trip and a missing contact is a 404. */
  initialContact: Contact;
  canManage: boolean;
  canBlockSpending: boolean;
  /** wallets.read: the wallet card shows; passes.redeem: it links to redeeming a pass for the contact. */
  canReadWallet?: boolean;
  canRedeem?: boolean;
}

/**
 * One contact: who it is, how it is identified and whether it may spend. Each concern is its own
 * card, so the wallet (balances, pockets, credit lots) joins as one more card beside them.
 */
export function ContactDetail({ initialContact, canManage, canBlockSpending, canReadWallet = false, canRedeem = false }: ContactDetailProps) {
  const trpc = useTRPC();
  const { data: contact } = useQuery(trpc.contacts.byId.queryOptions({ contactId: initialContact.id }, { initialData: initialContact }));
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const close = () => setDialog(null);
  const name = contactName(contact);
  const live = !contact.mergedIntoId;

  return (
    <>
      <BreadcrumbLabel segment={contact.id} label={name} />
      <PageHeader
        title={name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {contact.kind === "nameless" ? <Badge tone="warning">Nameless</Badge> : <Badge>Registered</Badge>}
            {contact.spendingBlocked ? <Badge tone="danger">Spending blocked</Badge> : <Badge tone="success">Spending allowed</Badge>}
          </span>
        }
        actions={
          live && (
            <>
              {canManage && contact.kind === "registered" && (
                <Button variant="secondary" onClick={() => setDialog("names")}>
                  Edit names
                </Button>
              )}
              {canManage && contact.kind === "nameless" && (
                <Button variant="secondary" onClick={() => setDialog("registration")}>
                  Merge into registration
                </Button>
              )}
              {canBlockSpending && (
                <Button variant={contact.spendingBlocked ? "secondary" : "danger"} onClick={() => setDialog("spending")}>
                  {contact.spendingBlocked ? "Unblock spending" : "Block spending"}
                </Button>
              )}
            </>
          )
        }
      />
      {contact.mergedIntoId && (
        <div role="status" className="mb-4 rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          This nameless contact was merged into{" "}
          <Link href={`/contacts/${contact.mergedIntoId}`} className="font-medium underline">
            a registered contact
          </Link>
          , which now holds its identities and history.
        </div>
      )}
      <div className="grid gap-4 lg:grid-cols-2">
        {canReadWallet && <WalletSummaryCard contactId={contact.id} canRedeem={live && canRedeem} />}
        <SpendingCard contact={contact} />
        <ContactIdentities contact={contact} canManage={canManage} />
        <Card title="Record">
          <dl className="grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
            <Fact label="Contact id">
              <code className="text-xs break-all">{contact.id}</code>
            </Fact>
            <Fact label="Created">{when(contact.createdAt)}</Fact>
            <Fact label="Last changed">{when(contact.updatedAt)}</Fact>
          </dl>
        </Card>
      </div>
      {live && canManage && contact.kind === "registered" && <ContactNamesDialog contact={contact} open={dialog === "names"} onClose={close} />}
      {live && canManage && contact.kind === "nameless" && <RegistrationDialog contact={contact} open={dialog === "registration"} onClose={close} />}
      {live && canBlockSpending && <SpendingBlockDialog contact={contact} open={dialog === "spending"} onClose={close} />}
    </>
  );
}

function SpendingCard({ contact }: { contact: Contact }) {
  return (
    <Card title="Spending">
      {contact.spendingBlocked ? (
        <dl className="grid grid-cols-[9rem_1fr] gap-y-2 text-sm">
          <Fact label="Status">
            <Badge tone="danger">Spending blocked</Badge>
          </Fact>
          <Fact label="Reason">{contact.spendingBlockedReason}</Fact>
          {contact.spendingBlockedByLabel && <Fact label="Blocked by">{contact.spendingBlockedByLabel}</Fact>}
          {contact.spendingBlockedAt && <Fact label="Blocked at">{when(contact.spendingBlockedAt)}</Fact>}
        </dl>
      ) : (
        <p className="text-sm text-slate-600">
          <Badge tone="success">Spending allowed</Badge> <span className="ml-2">Spends and payouts go through.</span>
        </p>
      )}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </>
  );
}
