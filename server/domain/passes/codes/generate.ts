import { checkCharacterFor } from "./check-character";
import { assertCodeSpace, passcodeAlphabets, type PasscodeFormat } from "./format";
import { randomIndex } from "./random";

/** Character codes of the code being built; one flat string is made from them at the end. */
const scratch: number[] = [];

function pushCharCodes(text: string) {
  for (let i = 0; i < text.length; i++) scratch.push(text.charCodeAt(i));
}

/** One fresh code of the format, check character included. */
export function generateCode(format: PasscodeFormat): string {
  const alphabet = passcodeAlphabets[format.charset];
  scratch.length = 0;
  pushCharCodes(format.prefix);
  for (let i = 0; i < format.length; i++) {
    scratch.push(alphabet.charCodeAt(randomIndex(alphabet.length)));
  }
  pushCharCodes(format.suffix);
  const body = String.fromCharCode(...scratch);
  return format.checkCharacter ? body + checkCharacterFor(format.charset, body) : body;
}

/**
 * `count` distinct codes. Distinct within the batch only: uniqueness across the business is the
 * database's unique index on the code hash. The format must hold `count` passes safely, which
 * also keeps redraws of duplicates rare (at most one draw in a million).
 */
export function generateCodes(format: PasscodeFormat, count: number): string[] {
  assertCodeSpace(format, count);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateCode(format));
  return [...codes];
}
