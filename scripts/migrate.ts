import { getDatabase } from "@/db";
import { migrateDatabase } from "@/db/migrate";

const database = getDatabase();
await migrateDatabase(database);
console.info(`Migrations applied (${database.mode}).`);
await database.close();
