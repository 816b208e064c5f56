import { describe, expect, it } from "vitest";
import { contextAs, testDatabase, unique } from "@/test/db";
import { createContact, createNamelessContact } from "./create";
import { addContactIdentity } from "./identities";
import { updateContactNames } from "./names";
import { getContact } from "./read";
import { mergeNamelessContact, registerNamelessContact } from "./registration";
import { blockContactSpending } from "./spending-block";
import { refusal, trailOf, uniqueEmail, uniquePhone } from "./test-fixtures";

testDatabase();

describe("registering a nameless contact in place", () => {
  it("attaches identities and names, keeping the same id", async () => {
    const ctx = await contextAs("support");
    const nameless = await createNamelessContact(ctx);
    const email = uniqueEmail();
    const registered = await registerNamelessContact(ctx, { contactId: nameless.id, firstName: "Maya", lastName: "Stone", email });
    expect(registered).toMatchObject({ id: nameless.id, kind: "registered", firstName: "Maya", lastName: "Stone" });
    expect(registered.identities.map((i) => i.value)).toEqual([email.toLowerCase()]);
    const trail = await trailOf(ctx, nameless.id);
    expect(trail.actions).toEqual(["contact.created", "contact.registered"]);
    expect(trail.eventTypes).toEqual(trail.actions);
    expect(trail.audit[1]).toMatchObject({ before: { kind: "nameless" }, after: { kind: "registered", firstName: "Maya" } });
  });

  it("refuses a registration without identity, with a taken identity, or of a registered contact", async () => {
    const ctx = await contextAs("support");
    const nameless = await createNamelessContact(ctx);
    expect((await refusal(registerNamelessContact(ctx, { contactId: nameless.id, firstName: "No" }))).code).toBe("VALIDATION_FAILED");

    const phone = uniquePhone();
    const owner = await createContact(ctx, { phone });
    const taken = await refusal(registerNamelessContact(ctx, { contactId: nameless.id, phone }));
    expect(taken.details).toEqual({ fieldErrors: { phone: ["This phone number already belongs to another contact."] } });
    expect(await getContact(ctx, { contactId: nameless.id })).toMatchObject({ kind: "nameless", identities: [] });

    const already = await refusal(registerNamelessContact(ctx, { contactId: owner.id, email: uniqueEmail() }));
    expect(already.details).toEqual({ fieldErrors: { contactId: ["Only a nameless contact can be registered or merged."] } });
  });
});

describe("merging a nameless contact into a registered one", () => {
  it("points the nameless contact at the registered one and emits contact.merged for the wallet", async () => {
    const ctx = await contextAs("support");
    const nameless = await createNamelessContact(ctx);
    const person = await createContact(ctx, { firstName: "Leo", email: uniqueEmail() });
    const merged = await mergeNamelessContact(ctx, { contactId: nameless.id, intoContactId: person.id });
    expect(merged.id).toBe(person.id);
    expect(await getContact(ctx, { contactId: nameless.id })).toMatchObject({ mergedIntoId: person.id });

    const source = await trailOf(ctx, nameless.id);
    expect(source.actions).toEqual(["contact.created", "contact.merged"]);
    expect(source.events.at(-1)!.payload).toEqual({ contactId: nameless.id, intoContactId: person.id, movedIdentities: [] });
    expect((await trailOf(ctx, person.id)).actions).toEqual(["contact.created", "contact.merge_received"]);
  });

  it("refuses every further change to a merged contact", async () => {
    const ctx = await contextAs("support");
    const nameless = await createNamelessContact(ctx);
    const person = await createContact(ctx, { email: uniqueEmail() });
    await mergeNamelessContact(ctx, { contactId: nameless.id, intoContactId: person.id });
    for (const call of [
      () => blockContactSpending(ctx, { contactId: nameless.id, reason: "x" }),
      () => updateContactNames(ctx, { contactId: nameless.id, firstName: "x" }),
      () => addContactIdentity(ctx, { contactId: nameless.id, type: "cim", value: unique("cim") }),
      () => mergeNamelessContact(ctx, { contactId: nameless.id, intoContactId: person.id }),
    ]) {
      const err = await refusal(call());
      expect(err.code).toBe("INVALID_STATE");
      expect(err.details).toEqual({ mergedIntoId: person.id });
    }
  });

  it("refuses to merge into itself, into a nameless contact or from a registered contact", async () => {
    const ctx = await contextAs("support");
    const nameless = await createNamelessContact(ctx);
    const other = await createNamelessContact(ctx);
    const person = await createContact(ctx, { email: uniqueEmail() });
    const self = await refusal(mergeNamelessContact(ctx, { contactId: nameless.id, intoContactId: nameless.id }));
    expect(self.details).toEqual({ fieldErrors: { intoContactId: [expect.any(String)] } });
    const intoNameless = await refusal(mergeNamelessContact(ctx, { contactId: nameless.id, intoContactId: other.id }));
    expect(intoNameless.details).toEqual({ fieldErrors: { intoContactId: ["Merge into a registered contact."] } });
    const fromRegistered = await refusal(mergeNamelessContact(ctx, { contactId: person.id, intoContactId: nameless.id }));
    expect(fromRegistered.details).toEqual({ fieldErrors: { contactId: [expect.any(String)] } });
  });

  it("refuses a merge that would lose a spending block", async () => {
    const ctx = await contextAs("support");
    const nameless = await createNamelessContact(ctx);
    const person = await createContact(ctx, { email: uniqueEmail() });
    await blockContactSpending(ctx, { contactId: nameless.id, reason: "Stolen gift card" });
    expect((await refusal(mergeNamelessContact(ctx, { contactId: nameless.id, intoContactId: person.id }))).code).toBe("INVALID_STATE");
    await blockContactSpending(ctx, { contactId: person.id, reason: "Stolen gift card" });
    await expect(mergeNamelessContact(ctx, { contactId: nameless.id, intoContactId: person.id })).resolves.toMatchObject({ id: person.id });
  });
});
