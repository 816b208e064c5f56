/**
 * Passcode crypto throughput on one core: generation, keyed hash, AES-256-GCM encryption.
 * Run: npx tsx bench/passcode-crypto.ts [count]   (default 200,000 codes per format)
 */
import {
  passcodeFormatSchema,
  type PasscodeFormatInput,
} from "@/server/domain/passes/codes/format";
import { generateCodes } from "@/server/domain/passes/codes/generate";
import { decryptCode, encryptCode, hashCode, maskCode } from "@/server/domain/passes/codes/secrecy";

const count = Number(process.argv[2] ?? 200_000);

const formats: Record<string, PasscodeFormatInput> = {
  "numeric 13 + check": { charset: "NUMERIC", length: 13, checkCharacter: true },
  "alphanumeric GC + 10 + check": {
    charset: "ALPHANUMERIC",
    length: 10,
    prefix: "GC",
    checkCharacter: true,
  },
};

/** A warm-up round (JIT), then the best of three: on a shared machine the fastest is the least disturbed. */
function timed<T>(run: () => T): { result: T; seconds: number } {
  let best = { result: run(), seconds: Infinity };
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    const result = run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (seconds < best.seconds) best = { result, seconds };
  }
  return best;
}

const perSecond = (seconds: number) =>
  Math.round(count / seconds)
    .toLocaleString("en")
    .padStart(11);

console.log(`${count.toLocaleString("en")} codes per format, node ${process.version}, one core\n`);
for (const [name, input] of Object.entries(formats)) {
  const format = passcodeFormatSchema.parse(input);
  const generated = timed(() => generateCodes(format, count));
  const codes = generated.result;
  const hashed = timed(() => codes.map(hashCode));
  const encrypted = timed(() => codes.map(encryptCode));
  const masked = timed(() => codes.map((code) => maskCode(code, format)));
  const decrypted = timed(() => encrypted.result.map(decryptCode));
  if (decrypted.result.some((code, i) => code !== codes[i])) throw new Error("round trip failed");
  const lot = generated.seconds + hashed.seconds + encrypted.seconds + masked.seconds;

  console.log(name);
  console.log(`  generated   ${perSecond(generated.seconds)} codes/s`);
  console.log(`  hashed      ${perSecond(hashed.seconds)} codes/s`);
  console.log(`  encrypted   ${perSecond(encrypted.seconds)} codes/s`);
  console.log(`  masked      ${perSecond(masked.seconds)} codes/s`);
  console.log(`  decrypted   ${perSecond(decrypted.seconds)} codes/s`);
  console.log(
    `  all four    ${perSecond(lot)} codes/s  (${((lot * 1e6) / count).toFixed(2)} s per million)\n`,
  );
}
