import { describe, expect, it } from "vitest";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createContact, createNamelessContact } from "./create";
import { findContactByIdentification, listContacts } from "./read";
import { mergeNamelessContact } from "./registration";
import { listContactsSchema, type ListContactsInput } from "./schemas";
import { blockContactSpending } from "./spending-block";
import { refusal, uniqueEmail, uniquePhone } from "./test-fixtures";

testDatabase();

const list = (input: Partial<ListContactsInput>) => listContactsSchema.parse(input);

describe("searching contacts", async () => {
  const ctx = await contextAs("support");
  const email = uniqueEmail();
  const phone = uniquePhone();
  const contactCode = unique("CODE");
  const cim = unique("card-");
  const person = await createContact(ctx, { firstName: "Olivia", lastName: unique("Hart"), email, phone, contactCode, cim });

  it.each([
    ["email, in any case", email.toUpperCase()],
    ["phone, as typed with spaces", phone],
    ["phone, with 00 instead of +", phone.replace("+", "00").replace(/\s/g, "")],
    ["contact code, lower-cased", contactCode.toLowerCase()],
    ["CIM", cim],
    ["contact id", person.id],
  ])("finds a contact by %s", async (_label, search) => {
    const page = await listContacts(ctx, list({ search }));
    expect(page.rows.map((r) => r.id)).toEqual([person.id]);
    expect(page.rows[0]!.identities).toHaveLength(4);
  });

  it("lists exact identity matches before name-prefix matches", async () => {
    const term = unique("Ash");
    const byName = await createContact(ctx, { firstName: `${term}ley`, lastName: "Able", email: uniqueEmail() });
    const byCim = await createContact(ctx, { firstName: "Zed", lastName: "Zulu", cim: term });
    const page = await listContacts(ctx, list({ search: term, sortBy: "name" }));
    expect(page.rows.map((r) => r.id)).toEqual([byCim.id, byName.id]);
    expect(page.total).toBe(2);
  });

  it("matches the start of a first name, last name or full name, but not the middle", async () => {
    const last = unique("Quill");
    const contact = await createContact(ctx, { firstName: "Rowan", lastName: last, email: uniqueEmail() });
    for (const search of [last.slice(0, 8), `Rowan ${last.slice(0, 6)}`]) {
      expect((await listContacts(ctx, list({ search }))).rows.map((r) => r.id)).toContain(contact.id);
    }
    expect((await listContacts(ctx, list({ search: last.slice(3) }))).total).toBe(0);
    expect((await listContacts(ctx, list({ search: "%" }))).rows.map((r) => r.id)).not.toContain(contact.id);
  });

  it("pages, sorts and filters by kind and spending block on the server", async () => {
    const last = unique("Page");
    const made = [];
    for (const first of ["Cara", "Abe", "Bea"]) made.push(await createContact(ctx, { firstName: first, lastName: last, email: uniqueEmail() }));
    await blockContactSpending(ctx, { contactId: made[0]!.id, reason: "Chargeback under review" });

    const first = await listContacts(ctx, list({ search: last, pageSize: 2, sortBy: "name" }));
    const second = await listContacts(ctx, list({ search: last, pageSize: 2, page: 1, sortBy: "name" }));
    expect(first.total).toBe(3);
    expect([...first.rows, ...second.rows].map((r) => r.firstName)).toEqual(["Abe", "Bea", "Cara"]);

    const newestFirst = await listContacts(ctx, list({ search: last, sortBy: "createdAt", sortDir: "desc" }));
    expect(newestFirst.rows.map((r) => r.firstName)).toEqual(["Bea", "Abe", "Cara"]);

    const blocked = await listContacts(ctx, list({ search: last, blocked: true }));
    expect(blocked.rows.map((r) => r.firstName)).toEqual(["Cara"]);
    expect((await listContacts(ctx, list({ search: last, blocked: false }))).total).toBe(2);
    expect((await listContacts(ctx, list({ search: last, kind: "nameless" }))).total).toBe(0);

    const nameless = await createNamelessContact(ctx);
    const namelessOnly = await listContacts(ctx, list({ search: nameless.id, kind: "nameless" }));
    expect(namelessOnly.rows.map((r) => r.id)).toEqual([nameless.id]);
  });
});

describe("finding a contact by identification", async () => {
  const ctx = await contextAs("support");
  const email = uniqueEmail();
  const phone = uniquePhone();
  const contactCode = unique("ID");
  const cim = unique("cim-");
  const person = await createContact(ctx, { firstName: "Noah", email, phone, contactCode, cim });

  it.each([
    ["contact_id", person.id],
    ["email", email],
    ["phone", phone],
    ["contact_code", contactCode],
    ["cim", cim],
  ] as const)("by %s", async (type, value) => {
    expect(await findContactByIdentification(ctx, { type, value })).toMatchObject({ id: person.id, firstName: "Noah" });
  });

  it("answers undefined for an unknown identity and refuses a malformed one", async () => {
    expect(await findContactByIdentification(ctx, { type: "email", value: uniqueEmail() })).toBeUndefined();
    expect(await findContactByIdentification(ctx, { type: "contact_id", value: "not-a-uuid" })).toBeUndefined();
    const err = await refusal(findContactByIdentification(ctx, { type: "phone", value: "call me" }));
    expect(err.details).toEqual({ fieldErrors: { value: [expect.stringContaining("country code")] } });
  });

  it("follows a merged nameless contact to the registered one, and hides it from lists", async () => {
    const nameless = await createNamelessContact(ctx);
    await mergeNamelessContact(ctx, { contactId: nameless.id, intoContactId: person.id });
    expect(await findContactByIdentification(ctx, { type: "contact_id", value: nameless.id })).toMatchObject({ id: person.id });
    expect((await listContacts(ctx, list({ search: nameless.id }))).total).toBe(0);
  });
});
