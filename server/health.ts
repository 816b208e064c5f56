import { getDatabase } from "@/db";
import { migrationState } from "@/db/migrate";

/** Liveness and readiness: the database answers and every migration is applied. */
export async function healthReport() {
  const database = getDatabase();
  try {
    const migrations = await migrationState(database);
    return { ok: migrations.upToDate, body: { status: migrations.upToDate ? "ok" : "migrating", database: database.mode, migrations } };
  } catch {
    return { ok: false, body: { status: "error", database: database.mode } };
  }
}
