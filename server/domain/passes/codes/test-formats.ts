import fc from "fast-check";
import {
  passcodeAffixMaxLength,
  passcodeAlphabets,
  passcodeCharsets,
  passcodeFormatSchema,
  passcodeLengthLimits,
  type PasscodeCharset,
  type PasscodeFormat,
} from "./format";

/** Test-only: fast-check arbitraries for passcode formats, shared by the property tests. */
export const charsetArb = fc.constantFrom(...passcodeCharsets);

export const textOfCharset = (charset: PasscodeCharset, minLength: number, maxLength: number) =>
  fc.string({ unit: fc.constantFrom(...passcodeAlphabets[charset]), minLength, maxLength });

export const formatArb = (
  overrides: { checkCharacter?: boolean } = {},
): fc.Arbitrary<PasscodeFormat> =>
  charsetArb.chain((charset) =>
    fc
      .record({
        length: fc.integer(passcodeLengthLimits),
        prefix: textOfCharset(charset, 0, passcodeAffixMaxLength),
        suffix: textOfCharset(charset, 0, passcodeAffixMaxLength),
        checkCharacter:
          overrides.checkCharacter === undefined
            ? fc.boolean()
            : fc.constant(overrides.checkCharacter),
      })
      .map((fields) => passcodeFormatSchema.parse({ charset, ...fields })),
  );
