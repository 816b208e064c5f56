"use client";

import { useEffect, useMemo, useState, type ReactNode } from "react";
import { Checkbox, Input } from "@/components/ui/input";
import { minorToDecimal, parseDecimalToMinor } from "@/server/domain/money";
import { checkCharacterFor } from "@/server/domain/passes/codes/check-character";
import { codeSpaceReport, passcodeAlphabets, passcodeLengthLimits, type PasscodeCharset } from "@/server/domain/passes/codes/format";

export function Section({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs">
      <legend className="px-1 text-sm font-semibold text-slate-900">{title}</legend>
      {description && <p className="mb-3 text-xs text-slate-500">{description}</p>}
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

interface MoneyInputProps {
  value: number | null | undefined;
  onChange: (minor: number | null) => void;
  minorUnits: number;
  disabled?: boolean;
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

/** A decimal amount typed by a person, kept in the form as integer minor units (never a float). */
export function MoneyInput({ value, onChange, minorUnits, ...props }: MoneyInputProps) {
  const [text, setText] = useState(value == null || Number.isNaN(value) ? "" : minorToDecimal(value, minorUnits));
  useEffect(() => {
    if (value != null && !Number.isNaN(value)) setText((current) => (safeParse(current, minorUnits) === value ? current : minorToDecimal(value, minorUnits)));
  }, [value, minorUnits]);
  return (
    <Input
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(safeParse(e.target.value, minorUnits));
      }}
      {...props}
    />
  );
}

function safeParse(text: string, minorUnits: number): number | null {
  if (text.trim() === "") return null;
  try {
    return parseDecimalToMinor(text, minorUnits);
  } catch {
    return Number.NaN;
  }
}

interface CheckboxGroupProps {
  legend: string;
  options: { value: string; label: string }[];
  value: string[] | undefined;
  onChange: (value: string[]) => void;
  disabled?: boolean;
  error?: string;
}

export function CheckboxGroup({ legend, options, value = [], onChange, disabled, error }: CheckboxGroupProps) {
  return (
    <div role="group" aria-label={legend}>
      <p className="mb-1 text-sm font-medium text-slate-700">{legend}</p>
      <div className="flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm text-slate-700">
            <Checkbox
              checked={value.includes(option.value)}
              disabled={disabled}
              onChange={(e) => onChange(e.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))}
            />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}

interface FormatPreview {
  charset: PasscodeCharset;
  length: number;
  prefix: string;
  suffix: string;
  checkCharacter: boolean;
}

function exampleCode(format: FormatPreview): string | null {
  const alphabet = passcodeAlphabets[format.charset];
  const random = crypto.getRandomValues(new Uint8Array(format.length));
  const body = `${format.prefix}${Array.from(random, (b) => alphabet[b % alphabet.length]).join("")}${format.suffix}`;
  try {
    return format.checkCharacter ? body + checkCharacterFor(format.charset, body) : body;
  } catch {
    return null;
  }
}

/** A sample code of the format as it is typed, and whether its code space holds the plan's passes. */
export function PasscodePreview({ format, maxPasses }: { format: FormatPreview; maxPasses: number }) {
  const valid = Number.isInteger(format.length) && format.length >= passcodeLengthLimits.min && format.length <= passcodeLengthLimits.max;
  const [example, setExample] = useState<string | null>(null);
  const { charset, length, prefix, suffix, checkCharacter } = format;
  useEffect(() => {
    setExample(valid ? exampleCode({ charset, length, prefix: prefix.toUpperCase(), suffix: suffix.toUpperCase(), checkCharacter }) : null);
  }, [valid, charset, length, prefix, suffix, checkCharacter]);
  const report = useMemo(
    () => (valid && Number.isSafeInteger(maxPasses) && maxPasses >= 1 ? codeSpaceReport({ charset, length, prefix, suffix, checkCharacter }, maxPasses) : null),
    [valid, charset, length, prefix, suffix, checkCharacter, maxPasses],
  );
  return (
    <div className="space-y-2 text-sm sm:col-span-2" aria-live="polite">
      <p>
        Example code: <code className="rounded bg-slate-100 px-2 py-0.5 font-mono" data-testid="example-code">{example ?? "—"}</code>
      </p>
      {report && (
        <p className={report.sufficient ? "text-emerald-700" : "text-red-700"} data-testid="code-space">
          {report.sufficient
            ? `Code space OK: ${report.holds.toLocaleString("en")} possible codes for ${maxPasses.toLocaleString("en")} passes (at least one million per pass).`
            : `Too few codes: ${report.holds.toLocaleString("en")} possible, ${report.needed.toLocaleString("en")} needed. Use at least ${report.minimumLength} random characters.`}
        </p>
      )}
    </div>
  );
}
