import { describe, expect, it } from "vitest";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createContact, createNamelessContact } from "./create";
import { addContactIdentity, removeContactIdentity } from "./identities";
import { updateContactNames } from "./names";
import { getContact } from "./read";
import { refusal, trailOf, uniqueEmail, uniquePhone } from "./test-fixtures";

testDatabase();

describe("creating contacts", () => {
  it("creates a registered contact with normalised identities, audited and announced", async () => {
    const ctx = await contextAs("support");
    const email = uniqueEmail();
    const phone = uniquePhone();
    const contact = await createContact(ctx, { firstName: " Olivia ", lastName: "Hart", email, phone });
    expect(contact).toMatchObject({ kind: "registered", firstName: "Olivia", lastName: "Hart", spendingBlocked: false, mergedIntoId: null });
    expect(contact.identities.map(({ type, value }) => ({ type, value }))).toEqual([
      { type: "email", value: email.toLowerCase() },
      { type: "phone", value: phone.replace(/\s/g, "") },
    ]);
    const trail = await trailOf(ctx, contact.id);
    expect(trail.actions).toEqual(["contact.created"]);
    expect(trail.eventTypes).toEqual(["contact.created"]);
    expect(trail.audit[0]).toMatchObject({ actorId: ctx.actor.id, after: { kind: "registered", firstName: "Olivia" } });
  });

  it("refuses a registered contact without any identity", async () => {
    const ctx = await contextAs("support");
    const err = await refusal(createContact(ctx, { firstName: "No", lastName: "Identity" }));
    expect(err.code).toBe("VALIDATION_FAILED");
    expect(err.details).toEqual({ fieldErrors: { email: [expect.stringContaining("at least one identity")] } });
  });

  it("refuses a malformed phone number, naming the field", async () => {
    const ctx = await contextAs("support");
    const err = await refusal(createContact(ctx, { email: uniqueEmail(), phone: "07700 900123" }));
    expect(err.details).toEqual({ fieldErrors: { phone: [expect.stringContaining("country code")] } });
  });

  it("keeps each identity value unique across the business, whatever its spelling", async () => {
    const ctx = await contextAs("support");
    const email = uniqueEmail();
    const phone = uniquePhone();
    const code = unique("C");
    await createContact(ctx, { email, phone, contactCode: code });
    const byEmail = await refusal(createContact(ctx, { email: `  ${email.toUpperCase()} ` }));
    expect(byEmail.details).toEqual({ fieldErrors: { email: ["This email address already belongs to another contact."] } });
    const byPhone = await refusal(createContact(ctx, { email: uniqueEmail(), phone: phone.replace("+", "00") }));
    expect(byPhone.details).toEqual({ fieldErrors: { phone: ["This phone number already belongs to another contact."] } });
    const byCode = await refusal(createContact(ctx, { contactCode: code.toLowerCase() }));
    expect(byCode.details).toEqual({ fieldErrors: { contactCode: ["This contact code already belongs to another contact."] } });
  });

  it("rolls back the whole contact when a later identity is refused", async () => {
    const ctx = await contextAs("support");
    const phone = uniquePhone();
    await createContact(ctx, { phone });
    const email = uniqueEmail();
    await refusal(createContact(ctx, { email, phone }));
    // The email of the refused contact is still free.
    await expect(createContact(ctx, { email })).resolves.toMatchObject({ kind: "registered" });
  });

  it("creates a nameless contact without names or identities", async () => {
    const ctx = await contextAs("support");
    const contact = await createNamelessContact(ctx);
    expect(contact).toMatchObject({ kind: "nameless", firstName: null, lastName: null, identities: [] });
    expect((await trailOf(ctx, contact.id)).eventTypes).toEqual(["contact.created"]);
  });
});

describe("changing a contact", () => {
  it("adds and removes identities, refusing duplicates and the last identity", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { email: uniqueEmail() });
    const cim = unique("CARD-");
    const withCim = await addContactIdentity(ctx, { contactId: contact.id, type: "cim", value: ` ${cim} ` });
    expect(withCim.identities.map((i) => i.value)).toContain(cim);

    const again = await refusal(addContactIdentity(ctx, { contactId: contact.id, type: "cim", value: cim }));
    expect(again.details).toEqual({ fieldErrors: { value: ["This contact already has this CIM."] } });

    const email = contact.identities[0]!;
    const withoutEmail = await removeContactIdentity(ctx, { contactId: contact.id, identityId: email.id });
    expect(withoutEmail.identities.map((i) => i.type)).toEqual(["cim"]);
    const last = await refusal(removeContactIdentity(ctx, { contactId: contact.id, identityId: withoutEmail.identities[0]!.id }));
    expect(last.code).toBe("BUSINESS_RULE");

    const trail = await trailOf(ctx, contact.id);
    expect(trail.actions).toEqual(["contact.created", "contact.identity_added", "contact.identity_removed"]);
    expect(trail.eventTypes).toEqual(trail.actions);
    expect(trail.audit[2]!.before).toMatchObject({ type: "email", value: email.value });
  });

  it("refuses identities on a nameless contact (it registers instead)", async () => {
    const ctx = await contextAs("support");
    const nameless = await createNamelessContact(ctx);
    const err = await refusal(addContactIdentity(ctx, { contactId: nameless.id, type: "email", value: uniqueEmail() }));
    expect(err.code).toBe("INVALID_STATE");
  });

  it("updates names with before and after in the audit log", async () => {
    const ctx = await contextAs("support");
    const contact = await createContact(ctx, { firstName: "Liv", lastName: "Hart", email: uniqueEmail() });
    const renamed = await updateContactNames(ctx, { contactId: contact.id, firstName: "Olivia", lastName: "" });
    expect(renamed).toMatchObject({ firstName: "Olivia", lastName: null });
    const trail = await trailOf(ctx, contact.id);
    expect(trail.audit.at(-1)).toMatchObject({
      action: "contact.names_changed",
      before: { firstName: "Liv", lastName: "Hart" },
      after: { firstName: "Olivia", lastName: null },
    });
    expect(await getContact(ctx, { contactId: contact.id })).toMatchObject({ firstName: "Olivia" });
  });

  it("answers NOT_FOUND for an unknown contact", async () => {
    const ctx = await contextAs("support");
    const err = await refusal(getContact(ctx, { contactId: "01900000-0000-7000-8000-000000000000" }));
    expect(err.code).toBe("NOT_FOUND");
  });
});
