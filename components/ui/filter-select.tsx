import type { SelectHTMLAttributes } from "react";

export type FilterOption = readonly [value: string, label: string];

// A select for narrowing a list: its first option ("All tags", "Anyone") means no filter.
export function FilterSelect({
  label,
  anyLabel,
  options,
  ...props
}: { label: string; anyLabel: string; options: readonly FilterOption[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select aria-label={label} {...props}>
      <option value="">{anyLabel}</option>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </select>
  );
}
