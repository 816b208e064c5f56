import { randomFillSync } from "node:crypto";

/**
 * Bytes from the operating system's CSPRNG, drawn 64 KiB at a time: one system call per few
 * thousand codes instead of one per character or IV (Node's own randomInt caches the same way).
 * Each byte is handed out once.
 */
const pool = Buffer.alloc(64 * 1024);
let poolOffset = pool.length;

function refillIfEmpty() {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
}

/** `length` fresh random bytes copied into `target` starting at `offset`. */
export function fillRandom(target: Buffer, offset: number, length: number): void {
  for (let written = 0; written < length;) {
    refillIfEmpty();
    const take = Math.min(length - written, pool.length - poolOffset);
    pool.copy(target, offset + written, poolOffset, poolOffset + take);
    poolOffset += take;
    written += take;
  }
}

/**
 * A uniform integer in [0, size) for size ≤ 256. Bytes at or above the largest multiple of
 * `size` are drawn again, so `byte % size` has no modulo bias (for 10: bytes 250–255).
 */
export function randomIndex(size: number): number {
  const limit = 256 - (256 % size);
  for (;;) {
    refillIfEmpty();
    const byte = pool[poolOffset++]!;
    if (byte < limit) return byte % size;
  }
}
