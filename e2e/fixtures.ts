import { test as base, type Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createDatabase } from "@/db/client";
import { passes } from "@/db/schema";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import { createContact } from "@/server/domain/contacts/create";
import { createCurrency } from "@/server/domain/network/currencies";
import { createPassPlan } from "@/server/domain/pass-plans/create";
import { activatePassPlan } from "@/server/domain/pass-plans/states";
import { electronicTopUpInput } from "@/server/domain/pass-plans/test-fixtures";
import { decryptCode } from "@/server/domain/passes/codes/secrecy";
import { issueElectronicPass } from "@/server/domain/passes/issue/issue-electronic";
import type { Role } from "@/server/domain/users/roles";

/** The signed-in browser state of a demo user, saved once by auth.setup.ts. */
export const storageStateOf = (role: Role) => `e2e/.auth/${role}.json`;

/** A value unique to this worker and moment, for names that must not collide between tests. */
export const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A currency of its own, so parallel specs never share one (codes are three random letters). */
export async function ownCurrency(domain: DomainContext): Promise<string> {
  for (;;) {
    const code = Array.from({ length: 3 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join("");
    const created = await createCurrency(domain, { code, name: `E2E ${code}`, minorUnits: 2, isBusinessCurrency: false }).catch(() => null);
    if (created) return created.code;
  }
}

/** An electronic pass issued through the domain, with its plain code (decrypted as only delivery may). */
export async function issuedWithCode(domain: DomainContext, input: Parameters<typeof issueElectronicPass>[1]) {
  const issued = await issueElectronicPass(domain, input);
  const [row] = await domain.db.select({ codeCiphertext: passes.codeCiphertext }).from(passes).where(eq(passes.id, issued.passId));
  return { ...issued, code: decryptCode(row!.codeCiphertext) };
}

/**
 * A registered contact of its own (the names given, the last one with a unique tag) and a live
 * electronic EUR gift plan (with `plan` overrides), so parallel tests never share them.
 */
export async function contactAndGiftPlan(
  domain: DomainContext,
  person: { firstName: string; lastName: string },
  plan: Parameters<typeof electronicTopUpInput>[1] = {},
) {
  const tag = uniqueName("c").replace(/\s+/g, "").toLowerCase();
  const email = `${person.firstName.toLowerCase()}.${tag}@example.com`;
  const contactName = `${person.firstName} ${person.lastName} ${tag}`;
  const contact = await createContact(domain, { firstName: person.firstName, lastName: `${person.lastName} ${tag}`, email });
  const created = await createPassPlan(domain, electronicTopUpInput("EUR", { name: uniqueName(`${person.lastName} plan`), type: "GIFT", ...plan }));
  await activatePassPlan(domain, { id: created.id });
  return { contact, plan: created, email, contactName };
}

/** The value of one fact ("Remaining", "State", …) in a page's description lists (a pass's cards). */
export const fact = (page: Page, label: string) =>
  page
    .getByRole("term")
    .filter({ hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");

/**
 * `domain`: a context on the app's database, so tests seed their own data through the real
 * domain functions rather than through SQL.
 */
export const test = base.extend<object, { domain: DomainContext }>({
  domain: [
    async ({}, use) => {
      const database = createDatabase({ url: process.env.E2E_DATABASE_URL, max: 2 });
      await use({ db: database.db, actor: systemActor("e2e fixture") });
      await database.close();
    },
    { scope: "worker" },
  ],
});

export { expect } from "@playwright/test";
