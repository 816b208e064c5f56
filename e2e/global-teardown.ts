import postgres from "postgres";

/**
 * Drops the run's database when the config created it (no E2E_DATABASE_URL given), so runs do not
 * pile databases up on the server; E2E_KEEP_DATABASE=1 keeps it to look into a failure.
 */
export default async function globalTeardown() {
  if (process.env.E2E_DROP_DATABASE !== "1" || process.env.E2E_KEEP_DATABASE === "1") return;
  const url = new URL(process.env.E2E_DATABASE_URL!);
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
}
