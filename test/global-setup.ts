import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { createDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { prepareJobStorage } from "@/server/jobs/storage";

/**
 * One fresh database per test run on the real PostgreSQL server (TEST_DATABASE_ADMIN_URL, default
 * the local server), migrated once and dropped at the end.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `tessera_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = createDatabase({ url: url.toString(), max: 2 });
  await migrateDatabase(database);
  await prepareJobStorage(database, url.toString());
  await database.close();
  project.provide("databaseUrl", url.toString());

  return async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
