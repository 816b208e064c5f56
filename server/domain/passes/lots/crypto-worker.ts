import { parentPort } from "node:worker_threads";
import type { PasscodeFormat } from "../codes/format";
import { columnsOf, sealNewCodes } from "./sealed-codes";

/** A worker thread of the crypto pool: seals codes on request, as arrays or as columns (see crypto-pool.ts). */
export interface SealRequest {
  id: number;
  format: PasscodeFormat;
  count: number;
  as: "codes" | "columns";
}

parentPort?.on("message", (request: SealRequest) => {
  const codes = sealNewCodes(request.format, request.count);
  parentPort?.postMessage({ id: request.id, sealed: request.as === "codes" ? codes : columnsOf(codes) });
});
parentPort?.postMessage({ ready: true });
