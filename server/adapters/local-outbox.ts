import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/env";
import type { MessageTransport, OutgoingMessage } from "@/server/domain/messages/transport";

/** A message as the local outbox captured it: a delivery, like a mailbox, so it shows the content. */
export interface CapturedMessage extends OutgoingMessage {
  deliveredAt: string;
}

const outboxDir = () => path.resolve(env.DATA_DIR, "outbox");

/**
 * The transport of local and demo runs (no SMTP_URL / SMS_GATEWAY_URL): each delivered message is
 * one JSON file under DATA_DIR/outbox, named so that a directory listing sorts by delivery time.
 */
export const localOutboxTransport: MessageTransport = async (message) => {
  const deliveredAt = new Date().toISOString();
  const captured: CapturedMessage = { ...message, deliveredAt };
  await mkdir(outboxDir(), { recursive: true, mode: 0o700 });
  const name = `${deliveredAt.replace(/[:.]/g, "-")}_${message.id}.json`;
  await writeFile(path.join(outboxDir(), name), JSON.stringify(captured, null, 2), { mode: 0o600 });
};

/** Newest first, one page of the captured messages. */
export async function listCapturedMessages(input: { page: number; pageSize: number }) {
  const names = (await readdir(outboxDir()).catch(() => [] as string[])).filter((n) => n.endsWith(".json")).sort().reverse();
  const pageNames = names.slice(input.page * input.pageSize, (input.page + 1) * input.pageSize);
  const rows = await Promise.all(pageNames.map(async (n) => JSON.parse(await readFile(path.join(outboxDir(), n), "utf8")) as CapturedMessage));
  return { rows, total: names.length, page: input.page, pageSize: input.pageSize };
}
