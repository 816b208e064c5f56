import { FormField } from "./form-field";
import { Select } from "./input";

interface ShowFilterProps<T extends string> {
  /** Each choice and its label, in the order shown. */
  options: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}

/** The "Show" choice above a table (open / expired / all, a state …). */
export function ShowFilter<T extends string>({ options, value, onChange }: ShowFilterProps<T>) {
  return (
    <FormField label="Show" className="flex items-center gap-2">
      <Select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {(Object.entries(options) as [T, string][]).map(([choice, label]) => (
          <option key={choice} value={choice}>
            {label}
          </option>
        ))}
      </Select>
    </FormField>
  );
}
