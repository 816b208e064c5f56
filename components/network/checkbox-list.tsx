"use client";

import { useId } from "react";
import { Checkbox } from "@/components/ui/input";

interface CheckboxListProps {
  legend: string;
  options: { id: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
  empty: string;
}

/** A multiple choice among a few hundred options at most, in a scrolling box. */
export function CheckboxList({ legend, options, value, onChange, error, empty }: CheckboxListProps) {
  const errorId = useId();
  const toggle = (id: string, checked: boolean) => onChange(checked ? [...value, id] : value.filter((v) => v !== id));
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{legend}</legend>
      <div className="max-h-40 space-y-1 overflow-y-auto rounded-md border border-slate-300 p-2">
        {options.length === 0 && <p className="text-sm text-slate-500">{empty}</p>}
        {options.map((option) => (
          <label key={option.id} className="flex items-center gap-2 text-sm text-slate-800">
            <Checkbox checked={value.includes(option.id)} onChange={(e) => toggle(option.id, e.target.checked)} />
            {option.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} role="alert" className="mt-1 text-xs text-red-600">
          {error}
        </p>
      )}
    </fieldset>
  );
}
