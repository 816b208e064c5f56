import { DomainError } from "@/server/domain/errors";
import {
  matchesFormat,
  passcodeAlphabets,
  type PasscodeCharset,
  type PasscodeFormat,
} from "./format";

/**
 * Damm's check over a totally anti-symmetric quasigroup of the alphabet's order: a table `t`
 * whose rows and columns are permutations and where `t[t[c][x]][y] !== t[t[c][y]][x]` for every
 * c and x ≠ y. Both properties together catch every single-character substitution and every
 * adjacent transposition, the check character included, and the check stays inside the alphabet.
 */
type Quasigroup = readonly (readonly number[])[];

/** Damm's published table of order 10 (H. M. Damm, 2004). */
const order10: Quasigroup = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/**
 * Order 32 is a field, GF(2^5), so Damm's field construction applies: x∘y = a·x + y with
 * a ∉ {0, 1}. Rows and columns are permutations because a ≠ 0, and (c∘x)∘y − (c∘y)∘x =
 * (a − 1)(x − y) ≠ 0 for x ≠ y because a ≠ 1. This keeps the check inside the 32 unambiguous
 * characters (MOD 37-2 would need five extra check symbols) and uses one algorithm for both
 * charsets. Reduction polynomial x^5 + x^2 + 1, a = x.
 */
/** Multiplication in GF(2^5) modulo x^5 + x^2 + 1. */
function gf32Times(a: number, b: number): number {
  let product = 0;
  for (; b > 0; b >>= 1) {
    if (b & 1) product ^= a;
    a <<= 1;
    if (a & 0x20) a ^= 0b100101;
  }
  return product;
}

const gf32Quasigroup: Quasigroup = Array.from({ length: 32 }, (_, x) =>
  Array.from({ length: 32 }, (_, y) => gf32Times(2, x) ^ y),
);

/** Everything the check needs for one charset, precomputed for the hot path of lot generation. */
interface CheckScheme {
  alphabet: string;
  table: Quasigroup;
  /** `checkFor[i]` is the character index c with table[i][c] = 0: it closes the running value. */
  checkFor: readonly number[];
  /** Character code → index in the alphabet, or -1. */
  indexOf: Int8Array;
}

function scheme(alphabet: string, table: Quasigroup): CheckScheme {
  const indexOf = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) indexOf[alphabet.charCodeAt(i)] = i;
  const checkFor = table.map((row) => row.indexOf(0));
  return { alphabet, table, checkFor, indexOf };
}

export const checkSchemes: Record<PasscodeCharset, CheckScheme> = {
  NUMERIC: scheme(passcodeAlphabets.NUMERIC, order10),
  ALPHANUMERIC: scheme(passcodeAlphabets.ALPHANUMERIC, gf32Quasigroup),
};

/** Running Damm value of `text`, or -1 if a character is outside the alphabet. */
function interim({ table, indexOf }: CheckScheme, text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const index = code < 128 ? indexOf[code]! : -1;
    if (index < 0) return -1;
    value = table[value]![index]!;
  }
  return value;
}

/** The check character for `body` (prefix + random part + suffix). */
export function checkCharacterFor(charset: PasscodeCharset, body: string): string {
  const s = checkSchemes[charset];
  const value = interim(s, body);
  if (value < 0)
    throw new RangeError(`Passcode body has characters outside the ${charset} charset`);
  return s.alphabet[s.checkFor[value]!]!;
}

/** Whether `text` (body followed by its check character) is consistent. */
export function hasValidCheckCharacter(charset: PasscodeCharset, text: string): boolean {
  return text.length > 0 && interim(checkSchemes[charset], text) === 0;
}

/**
 * Refuses a normalized code whose shape or check character is wrong, so a typo is rejected
 * before any database lookup. The message is the same for every typo and says nothing about
 * which codes exist. A format without a check character accepts every code.
 */
export function verifyCheckCharacter(format: PasscodeFormat, code: string): void {
  if (!format.checkCharacter) return;
  if (matchesFormat(format, code) && hasValidCheckCharacter(format.charset, code)) return;
  throw new DomainError(
    "INVALID_CHECK_CHARACTER",
    "This code contains a typo. Please check it and try again.",
  );
}
