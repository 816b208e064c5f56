import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { getSecrets } from "@/server/secrets";
import type { PasscodeFormat } from "../codes/format";
import type { SealRequest } from "./crypto-worker";
import { sealNewCodes, type SealedCodes } from "./sealed-codes";

/** Seals batches of new codes; the crypto (~11 µs a code) is the CPU-bound half of lot generation. */
export interface CodeSealer {
  seal(format: PasscodeFormat, count: number): Promise<SealedCodes>;
  close(): Promise<void>;
  /** Threads sealing in parallel; 0 when sealing on the calling thread. */
  threads: number;
}

export const inlineSealer: CodeSealer = {
  seal: async (format, count) => sealNewCodes(format, count),
  close: async () => {},
  threads: 0,
};

type WorkerMessage = { ready: true } | { id: number; sealed: SealedCodes };

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

function concat(parts: SealedCodes[]): SealedCodes {
  return {
    hashes: parts.flatMap((p) => p.hashes),
    ciphertexts: parts.flatMap((p) => p.ciphertexts),
    masks: parts.flatMap((p) => p.masks),
  };
}

/**
 * A pool of worker threads (one per core by default) that split each batch between them. If
 * threads cannot start here, sealing falls back to the calling thread: slower, same result.
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
  const pending = new Map<number, { resolve: (s: SealedCodes) => void; reject: (e: unknown) => void }>();
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
  const sealOn = (worker: Worker, format: PasscodeFormat, count: number) =>
    new Promise<SealedCodes>((resolve, reject) => {
      const request: SealRequest = { id: nextId++, format, count };
      pending.set(request.id, { resolve, reject });
      worker.postMessage(request);
    });
  return {
    threads,
    async seal(format, count) {
      if (broken) throw broken;
      const share = Math.ceil(count / workers.length);
      const parts = workers
        .map((worker, i) => [worker, Math.max(0, Math.min(share, count - i * share))] as const)
        .filter(([, part]) => part > 0)
        .map(([worker, part]) => sealOn(worker, format, part));
      return concat(await Promise.all(parts));
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
