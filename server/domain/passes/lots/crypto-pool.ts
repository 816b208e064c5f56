import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { getSecrets } from "@/server/secrets";
import type { PasscodeFormat } from "../codes/format";
import type { SealRequest } from "./crypto-worker";
import { columnsOf, sealNewCodes, type SealedCodes, type SealedColumns } from "./sealed-codes";

/** Seals batches of new codes; the crypto (~11 µs a code) is the CPU-bound half of lot generation. */
export interface CodeSealer {
  seal(format: PasscodeFormat, count: number): Promise<SealedCodes>;
  /**
   * The same codes as columns, built where they are sealed (the thread pool); without it the
   * generator builds the columns from `seal` on the calling thread.
   */
  sealColumns?(format: PasscodeFormat, count: number): Promise<SealedColumns>;
  close(): Promise<void>;
  /** Threads sealing in parallel; 0 when sealing on the calling thread. */
  threads: number;
}

export const inlineSealer: CodeSealer = {
  seal: async (format, count) => sealNewCodes(format, count),
  close: async () => {},
  threads: 0,
};

/** A batch for the lot writer: its columns, and its codes when the sealer handed those over. */
export interface SealedBatch {
  columns: SealedColumns;
  codes?: SealedCodes;
}

export async function sealBatch(sealer: CodeSealer, format: PasscodeFormat, count: number): Promise<SealedBatch> {
  if (sealer.sealColumns) return { columns: await sealer.sealColumns(format, count) };
  const codes = await sealer.seal(format, count);
  return { columns: columnsOf(codes), codes };
}

type WorkerMessage = { ready: true } | { id: number; sealed: unknown };

/**
 * The worker runs from its TypeScript source through tsx's `tsImport` (a runtime dependency): the
 * same way under tsx, vitest (whose forks carry no TypeScript loader; Node 20 workers also ignore
 * `--import`) and the Next.js server, whose bundler would otherwise ship the worker as a static
 * asset. The path is built without `new URL(…, import.meta.url)` for that reason. Where the sources
 * are absent, threads fail to start and sealing falls back to the calling thread (logged).
 */
const workerSource = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "crypto-worker.ts")).href;

const bootstrap = `const { workerData } = require("node:worker_threads");
import("tsx/esm/api").then((tsx) => tsx.tsImport(workerData, workerData));`;

const spawn = () => new Worker(bootstrap, { eval: true, workerData: workerSource });

function whenReady(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("crypto worker did not start within 20 s")), 20_000);
    worker.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.once("message", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * A pool of worker threads (one per core by default), each sealing whole batches in turn: the lot
 * generator keeps one batch in flight per thread. If threads cannot start here, sealing falls
 * back to the calling thread: slower, same result.
 */
export async function openCodeSealer(threads = availableParallelism()): Promise<CodeSealer> {
  if (threads < 2) return inlineSealer;
  // Settles the secrets first: in demo runs they are generated into a file on first use, and
  // threads racing to create it could read it half-written.
  getSecrets();
  const workers = Array.from({ length: threads }, spawn);
  try {
    await Promise.all(workers.map(whenReady));
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    console.warn("lot generation: crypto worker threads unavailable, sealing on one thread", error);
    return inlineSealer;
  }
  let nextId = 0;
  /** A thread that threw is gone: later batches fail too, rather than wait for it forever. */
  let broken: unknown;
  const pending = new Map<number, { resolve: (sealed: unknown) => void; reject: (e: unknown) => void }>();
  for (const worker of workers) {
    worker.on("message", (message: WorkerMessage) => {
      if (!("id" in message)) return;
      pending.get(message.id)?.resolve(message.sealed);
      pending.delete(message.id);
    });
    worker.on("error", (error) => {
      broken = error;
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
    });
  }
  /** Hands a batch to the next thread in turn; it comes back as `as` asked. */
  const sealInTurn = <T>(format: PasscodeFormat, count: number, as: SealRequest["as"]) =>
    new Promise<T>((resolve, reject) => {
      if (broken) throw broken;
      const id = nextId++;
      pending.set(id, { resolve: (sealed) => resolve(sealed as T), reject });
      workers[id % workers.length]!.postMessage({ id, format, count, as } satisfies SealRequest);
    });
  return {
    threads,
    seal: (format, count) => sealInTurn<SealedCodes>(format, count, "codes"),
    sealColumns: (format, count) => sealInTurn<SealedColumns>(format, count, "columns"),
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
