import { test as base } from "@playwright/test";
import { createDatabase } from "@/db/client";
import { systemActor } from "@/server/domain/actor";
import type { DomainContext } from "@/server/domain/context";
import type { Role } from "@/server/domain/users/roles";

/** The signed-in browser state of a demo user, saved once by auth.setup.ts. */
export const storageStateOf = (role: Role) => `e2e/.auth/${role}.json`;

/** A value unique to this worker and moment, for names that must not collide between tests. */
export const uniqueName = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

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
