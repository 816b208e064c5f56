import { parseArgs } from "node:util";
import { getDatabase } from "@/db";
import { prepareDatabase } from "@/server/boot";
import { systemActor } from "@/server/domain/actor";
import { createApiKeySchema } from "@/server/domain/api-keys/schemas";
import { createApiKey } from "@/server/domain/api-keys/service";
import type { DomainContext } from "@/server/domain/context";
import { DomainError } from "@/server/domain/errors";
import { verifyLedger } from "@/server/domain/ledger/verify";
import { createUserSchema } from "@/server/domain/users/schemas";
import { createUser } from "@/server/domain/users/service";

const usage = `Usage: npm run admin -- <command> [options]

Commands:
  create-user     --email E --name N --role admin|marketing|finance|support --password P
  create-api-key  --name N --scopes scope1,scope2
  verify-ledger   recomputes every balance from the postings; exits 1 on any mismatch
`;

type Command = (ctx: DomainContext, values: Record<string, string | undefined>) => Promise<number>;

const commands: Record<string, Command> = {
  "create-user": async (ctx, values) => {
    const user = await createUser(ctx, createUserSchema.parse(values));
    console.info(`Created ${user.role} ${user.email} (${user.id}).`);
    return 0;
  },
  "create-api-key": async (ctx, values) => {
    const input = createApiKeySchema.parse({ name: values.name, scopes: values.scopes?.split(",").map((s) => s.trim()) });
    const { apiKey, secret } = await createApiKey(ctx, input);
    console.info(`Created API key "${apiKey.name}" with scopes ${apiKey.scopes.join(", ")}.`);
    console.info("The key is shown once; store it now:");
    console.info(secret);
    return 0;
  },
  "verify-ledger": async (ctx) => {
    const result = await verifyLedger(ctx);
    for (const p of result.problems) console.error(`${p.kind} ${p.subjectId}: ${p.detail}`);
    console.info(`${result.entries} journal entries, ${result.accounts} accounts: ${result.ok ? "the ledger balances" : `${result.problems.length} problem(s)`}.`);
    return result.ok ? 0 : 1;
  },
};

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      scopes: { type: "string" },
    },
  });
  const command = commands[positionals[0] ?? ""];
  if (!command) {
    console.error(usage);
    return 2;
  }
  const database = getDatabase();
  try {
    await prepareDatabase(database);
    return await command({ db: database.db, actor: systemActor("admin command line") }, values);
  } catch (err) {
    if (err instanceof DomainError) console.error(err.message);
    else if (err instanceof Error && err.name === "ZodError") console.error(err.message);
    else throw err;
    return 1;
  } finally {
    await database.close();
  }
}

process.exit(await main());
