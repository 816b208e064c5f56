/**
 * Identity values are stored normalised so that one person typed two ways is still one identity
 * (the unique index is on the normalised value). Pure functions: forms, REST and the domain share them.
 */
export const identityTypes = ["email", "phone", "contact_code", "cim"] as const;
export type IdentityType = (typeof identityTypes)[number];

/** The input field each identity type is entered in, so a refusal names the field a person sees. */
export const identityFields = {
  email: "email",
  phone: "phone",
  contact_code: "contactCode",
  cim: "cim",
} as const satisfies Record<IdentityType, string>;
export type IdentityField = (typeof identityFields)[IdentityType];

export const identityLabels: Record<IdentityType, string> = {
  email: "email address",
  phone: "phone number",
  contact_code: "contact code",
  cim: "CIM",
};

export type NormalisedValue = { ok: true; value: string } | { ok: false; message: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function normaliseEmail(raw: string): NormalisedValue {
  const value = raw.trim().toLowerCase();
  if (!emailPattern.test(value) || value.length > 254) return { ok: false, message: "Enter a valid email address." };
  return { ok: true, value };
}

/** "+44 (0)7700 900-123" → "+447700900123"; "0044…" is the same as "+44…". A country code is required. */
function normalisePhone(raw: string): NormalisedValue {
  const compact = raw.trim().replace(/\(0\)/g, "").replace(/[\s().-]/g, "");
  const withPlus = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  const digits = withPlus.startsWith("+") ? withPlus.slice(1) : withPlus;
  if (!/^[1-9]\d{6,14}$/.test(digits)) {
    return { ok: false, message: "Enter the phone number with its country code, e.g. +44 7700 900123." };
  }
  return { ok: true, value: `+${digits}` };
}

/** Contact codes are printed and read aloud: case and spaces carry no meaning. */
function normaliseContactCode(raw: string): NormalisedValue {
  const value = raw.replace(/\s+/g, "").toUpperCase();
  if (!/^[A-Z0-9-]{3,64}$/.test(value)) {
    return { ok: false, message: "A contact code has 3–64 letters, digits or dashes." };
  }
  return { ok: true, value };
}

/** A CIM may be a card number or a hashed passcode, so only surrounding spaces are dropped. */
function normaliseCim(raw: string): NormalisedValue {
  const value = raw.trim();
  if (value.length < 3 || value.length > 256) return { ok: false, message: "A CIM has 3–256 characters." };
  return { ok: true, value };
}

const normalisers: Record<IdentityType, (raw: string) => NormalisedValue> = {
  email: normaliseEmail,
  phone: normalisePhone,
  contact_code: normaliseContactCode,
  cim: normaliseCim,
};

export function normaliseIdentity(type: IdentityType, raw: string): NormalisedValue {
  return normalisers[type](raw);
}
