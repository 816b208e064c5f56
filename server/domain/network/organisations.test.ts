import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { contextAs, testDatabase, unique } from "@/test/db";
import { addTerminal, resolveOrganisationByTerminal, setTerminalArchived, updateTerminal } from "./acquiring-points";
import {
  getOrganisation,
  listMerchants,
  listOrganisations,
  setOrganisationArchived,
  updateOrganisation,
} from "./organisations";
import { listOrganisationsSchema } from "./schemas";
import { fieldOf, newMerchant, newVenue, refusal, trailOf } from "./test-fixtures";

testDatabase();

const list = (input: z.input<typeof listOrganisationsSchema>) => listOrganisationsSchema.parse(input);

describe("organisations", () => {
  it("creates a merchant and venues under it, audited and announced", async () => {
    const ctx = await contextAs("admin");
    const merchant = await newMerchant(ctx, unique("Merchant "));
    const venue = await newVenue(ctx, merchant.id, "Harbour");
    expect(venue).toMatchObject({ kind: "venue", parentId: merchant.id, archivedAt: null });
    const trail = await trailOf(ctx, "organisation", venue.id);
    expect(trail.actions).toEqual(["organisation.created"]);
    expect(trail.eventTypes).toEqual(["organisation.created"]);
    expect(trail.audit[0]).toMatchObject({ actorId: ctx.actor.id, after: { name: "Harbour", kind: "venue" } });

    const detail = await getOrganisation(ctx, { id: merchant.id });
    expect(detail.venues.map((v) => v.name)).toEqual(["Harbour"]);
  });

  it("refuses a venue whose parent is missing, a venue or archived", async () => {
    const ctx = await contextAs("admin");
    const merchant = await newMerchant(ctx, unique("Merchant "));
    const venue = await newVenue(ctx, merchant.id, "Dock");
    const missing = await refusal(newVenue(ctx, "01900000-0000-7000-8000-000000000000", "Nowhere"));
    expect(fieldOf(missing)).toEqual(["parentId"]);
    const underVenue = await refusal(newVenue(ctx, venue.id, "Nested"));
    expect(underVenue.message).toBe("A venue's parent must be a merchant.");
    const closed = await newMerchant(ctx, unique("Closed "));
    await setOrganisationArchived(ctx, { id: closed.id }, true);
    const underArchived = await refusal(newVenue(ctx, closed.id, "Late"));
    expect(fieldOf(underArchived)).toEqual(["parentId"]);
    expect(underArchived.message).toMatch(/archived/);
  });

  it("refuses duplicate names among merchants and among one merchant's venues, in any case", async () => {
    const ctx = await contextAs("admin");
    const name = unique("Dup ");
    const merchant = await newMerchant(ctx, name);
    const dup = await refusal(newMerchant(ctx, name.toUpperCase()));
    expect(dup.code).toBe("VALIDATION_FAILED");
    expect(fieldOf(dup)).toEqual(["name"]);
    await newVenue(ctx, merchant.id, "Central");
    expect(fieldOf(await refusal(newVenue(ctx, merchant.id, "central")))).toEqual(["name"]);
    const other = await newMerchant(ctx, unique("Other "));
    await expect(newVenue(ctx, other.id, "Central")).resolves.toMatchObject({ name: "Central" });
    const renamed = await refusal(updateOrganisation(ctx, { id: other.id, name }));
    expect(fieldOf(renamed)).toEqual(["name"]);
  });

  it("renames and moves a venue to another live merchant; a merchant takes no parent", async () => {
    const ctx = await contextAs("admin");
    const a = await newMerchant(ctx, unique("A "));
    const b = await newMerchant(ctx, unique("B "));
    const venue = await newVenue(ctx, a.id, "Square");
    const moved = await updateOrganisation(ctx, { id: venue.id, name: "Market Square", parentId: b.id });
    expect(moved).toMatchObject({ name: "Market Square", parentId: b.id });
    expect((await trailOf(ctx, "organisation", venue.id)).actions).toEqual(["organisation.created", "organisation.updated"]);
    expect(fieldOf(await refusal(updateOrganisation(ctx, { id: a.id, parentId: b.id })))).toEqual(["parentId"]);
  });

  it("keeps a merchant with live venues live, and brings a venue back only under a live merchant", async () => {
    const ctx = await contextAs("admin");
    const merchant = await newMerchant(ctx, unique("Chain "));
    const venue = await newVenue(ctx, merchant.id, "North");
    const blocked = await refusal(setOrganisationArchived(ctx, { id: merchant.id }, true));
    expect(blocked.code).toBe("BUSINESS_RULE");
    expect(blocked.details).toEqual({ liveVenues: 1 });

    await setOrganisationArchived(ctx, { id: venue.id }, true);
    const archived = await setOrganisationArchived(ctx, { id: merchant.id }, true);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect((await refusal(setOrganisationArchived(ctx, { id: merchant.id }, true))).code).toBe("INVALID_STATE");
    expect((await refusal(setOrganisationArchived(ctx, { id: venue.id }, false))).message).toMatch(/Unarchive the merchant/);

    await setOrganisationArchived(ctx, { id: merchant.id }, false);
    const back = await setOrganisationArchived(ctx, { id: venue.id }, false);
    expect(back.archivedAt).toBeNull();
    expect((await trailOf(ctx, "organisation", merchant.id)).eventTypes).toEqual([
      "organisation.created",
      "organisation.archived",
      "organisation.unarchived",
    ]);
  });

  it("lists with server-side paging, search (name or terminal id), sort and the archived filter", async () => {
    const ctx = await contextAs("admin");
    const tag = unique("List");
    const merchant = await newMerchant(ctx, `${tag} Zeta`);
    await newMerchant(ctx, `${tag} Alpha`);
    const gone = await newMerchant(ctx, `${tag} Beta`);
    await setOrganisationArchived(ctx, { id: gone.id }, true);
    const venue = await newVenue(ctx, merchant.id, `${tag} Kiosk`);
    const terminalId = unique("T-");
    await addTerminal(ctx, { organisationId: venue.id, terminalId });

    const live = await listOrganisations(ctx, list({ search: tag, kind: "merchant" }));
    expect(live.rows.map((r) => r.name)).toEqual([`${tag} Alpha`, `${tag} Zeta`]);
    const all = await listOrganisations(ctx, list({ search: tag, kind: "merchant", includeArchived: true, sortBy: "name", sortDir: "desc" }));
    expect(all.rows.map((r) => r.name)).toEqual([`${tag} Zeta`, `${tag} Beta`, `${tag} Alpha`]);
    const second = await listOrganisations(ctx, list({ search: tag, includeArchived: true, page: 1, pageSize: 2 }));
    expect(second).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(second.rows).toHaveLength(2);

    const byTerminal = await listOrganisations(ctx, list({ search: terminalId }));
    expect(byTerminal.rows).toEqual([
      expect.objectContaining({ id: venue.id, parentName: merchant.name, terminals: [expect.objectContaining({ terminalId })] }),
    ]);
  });

  it("lists merchants with their venues and terminals, found by a venue name or a terminal id", async () => {
    const ctx = await contextAs("admin");
    const tag = unique("Tree");
    const merchant = await newMerchant(ctx, `${tag} Cafés`);
    const venue = await newVenue(ctx, merchant.id, `${tag} Riverside`);
    const terminalId = unique("POS-");
    await addTerminal(ctx, { organisationId: venue.id, terminalId });
    await addTerminal(ctx, { organisationId: merchant.id, terminalId: unique("HQ-") });

    for (const search of [`${tag} Cafés`, `${tag} Riverside`, terminalId]) {
      const page = await listMerchants(ctx, list({ search }));
      expect(page.rows.map((r) => r.id)).toEqual([merchant.id]);
      expect(page.rows[0]!.terminals).toHaveLength(1);
      expect(page.rows[0]!.venues).toEqual([expect.objectContaining({ id: venue.id, terminals: [expect.objectContaining({ terminalId })] })]);
    }
  });
});

describe("transaction acquiring points", () => {
  it("adds terminals with ids unique across the business", async () => {
    const ctx = await contextAs("admin");
    const merchant = await newMerchant(ctx, unique("Terminals "));
    const venue = await newVenue(ctx, merchant.id, "One");
    const terminalId = unique("T-");
    const terminal = await addTerminal(ctx, { organisationId: venue.id, terminalId });
    expect((await trailOf(ctx, "terminal", terminal.id)).eventTypes).toEqual(["terminal.created"]);

    const elsewhere = await newMerchant(ctx, unique("Elsewhere "));
    const dup = await refusal(addTerminal(ctx, { organisationId: elsewhere.id, terminalId }));
    expect(fieldOf(dup)).toEqual(["terminalId"]);
    expect(dup.message).toContain(venue.name);
    const other = await addTerminal(ctx, { organisationId: elsewhere.id, terminalId: unique("T-") });
    expect(fieldOf(await refusal(updateTerminal(ctx, { id: other.id, terminalId })))).toEqual(["terminalId"]);
  });

  it("adds terminals only to live organisations and moves them between them", async () => {
    const ctx = await contextAs("admin");
    const merchant = await newMerchant(ctx, unique("Move "));
    const from = await newVenue(ctx, merchant.id, "From");
    const to = await newVenue(ctx, merchant.id, "To");
    const terminal = await addTerminal(ctx, { organisationId: from.id, terminalId: unique("T-") });
    const moved = await updateTerminal(ctx, { id: terminal.id, organisationId: to.id });
    expect(moved.organisationId).toBe(to.id);
    await setOrganisationArchived(ctx, { id: from.id }, true);
    expect(fieldOf(await refusal(addTerminal(ctx, { organisationId: from.id, terminalId: unique("T-") })))).toEqual(["organisationId"]);
    expect(fieldOf(await refusal(updateTerminal(ctx, { id: terminal.id, organisationId: from.id })))).toEqual(["organisationId"]);
  });

  it("resolves a terminal id to its live organisation and merchant", async () => {
    const ctx = await contextAs("admin");
    const merchant = await newMerchant(ctx, unique("Resolve "));
    const venue = await newVenue(ctx, merchant.id, "Pier");
    const terminalId = unique("T-");
    const terminal = await addTerminal(ctx, { organisationId: venue.id, terminalId });
    await expect(resolveOrganisationByTerminal(ctx, { terminalId: ` ${terminalId} ` })).resolves.toEqual({
      acquiringPointId: terminal.id,
      organisationId: venue.id,
      organisationName: "Pier",
      merchantId: merchant.id,
    });

    const hq = await addTerminal(ctx, { organisationId: merchant.id, terminalId: unique("HQ-") });
    await expect(resolveOrganisationByTerminal(ctx, { terminalId: hq.terminalId })).resolves.toMatchObject({ merchantId: merchant.id });

    expect(fieldOf(await refusal(resolveOrganisationByTerminal(ctx, { terminalId: unique("NOPE-") })))).toEqual(["terminalId"]);
    await setTerminalArchived(ctx, { id: terminal.id }, true);
    expect((await refusal(resolveOrganisationByTerminal(ctx, { terminalId }))).code).toBe("BUSINESS_RULE");
    await setTerminalArchived(ctx, { id: terminal.id }, false);
    await setOrganisationArchived(ctx, { id: venue.id }, true);
    expect((await refusal(resolveOrganisationByTerminal(ctx, { terminalId }))).code).toBe("BUSINESS_RULE");
    expect((await refusal(setTerminalArchived(ctx, { id: terminal.id }, false))).code).toBe("INVALID_STATE");
    expect((await trailOf(ctx, "terminal", terminal.id)).actions).toEqual(["terminal.created", "terminal.archived", "terminal.unarchived"]);
  });

  it("refuses to unarchive a terminal of an archived organisation", async () => {
    const ctx = await contextAs("admin");
    const merchant = await newMerchant(ctx, unique("Unarchive "));
    const terminal = await addTerminal(ctx, { organisationId: merchant.id, terminalId: unique("T-") });
    await setTerminalArchived(ctx, { id: terminal.id }, true);
    await setOrganisationArchived(ctx, { id: merchant.id }, true);
    expect(fieldOf(await refusal(setTerminalArchived(ctx, { id: terminal.id }, false)))).toEqual(["organisationId"]);
  });
});
