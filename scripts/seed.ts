import { getDatabase } from "@/db";
import { prepareDatabase } from "@/server/boot";

const database = getDatabase();
await prepareDatabase(database);
await database.close();
