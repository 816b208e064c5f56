import { parentPort } from "node:worker_threads";
import type { PasscodeFormat } from "../codes/format";
import { sealNewCodes } from "./sealed-codes";

/** A worker thread of the crypto pool: seals codes on request (see crypto-pool.ts). */
export interface SealRequest {
  id: number;
  format: PasscodeFormat;
  count: number;
}

parentPort?.on("message", (request: SealRequest) => {
  parentPort?.postMessage({ id: request.id, sealed: sealNewCodes(request.format, request.count) });
});
parentPort?.postMessage({ ready: true });
