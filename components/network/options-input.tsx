"use client";

import { useState } from "react";
import { Textarea } from "@/components/ui/input";

/**
 * The choices of a select field, one per line. The text is kept as typed (blank lines included)
 * and the form receives the trimmed, non-empty lines.
 */
export function OptionsInput({ value, onChange, ...aria }: { value: string[]; onChange: (options: string[]) => void; id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string }) {
  const [text, setText] = useState(value.join("\n"));
  return (
    <Textarea
      {...aria}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(
          e.target.value
            .split("\n")
            .map((line) => line.trim())
            .filter(Boolean),
        );
      }}
    />
  );
}
