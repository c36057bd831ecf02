"use client";

// Radio buttons choosing where a document's text comes from (file, paste, edit…).
export function ModeChoice<T extends string>({
  legend,
  options,
  value,
  onChange,
}: {
  legend: string;
  options: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
      <legend className="sr-only">{legend}</legend>
      {(Object.keys(options) as T[]).map((option) => (
        <label key={option} className="flex items-center gap-2">
          <input type="radio" name="mode" value={option} checked={value === option} onChange={() => onChange(option)} />
          {options[option]}
        </label>
      ))}
    </fieldset>
  );
}
