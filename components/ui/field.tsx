import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

export const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-stone-400 focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 dark:border-stone-700 dark:bg-stone-900";

// A native file input (keyboard and screen readers as the browser makes them) whose button looks
// like a secondary button; the chosen file's name follows it.
export const fileInputClass =
  "block text-sm text-stone-700 dark:text-stone-300 file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-solid file:border-stone-300 file:bg-white file:px-3.5 file:py-2 file:text-sm file:font-medium file:text-stone-800 hover:file:bg-stone-100 dark:file:border-stone-700 dark:file:bg-stone-900 dark:file:text-stone-100 dark:hover:file:bg-stone-800";

type FieldProps = { label: string; name: string; errors?: string[]; hint?: ReactNode };

export function TextField({ label, name, errors, hint, ...props }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = errors?.length ? `${name}-error` : hint ? `${name}-hint` : undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-stone-700 dark:text-stone-300">
        {label}
      </label>
      <input
        id={name}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
        {...props}
      />
      {hint && !errors?.length ? (
        <p id={`${name}-hint`} className="text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${name}-error`} className="text-xs text-red-600 dark:text-red-400">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField({ label, name, children, ...props }: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-stone-700 dark:text-stone-300">
        {label}
      </label>
      <select id={name} name={name} className={inputClass} {...props}>
        {children}
      </select>
    </div>
  );
}

export function FormError({ message }: { message?: string | null }) {
  if (!message) return null;
  return (
    <div
      data-testid="form-error"
      role="status"
      className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
    >
      {message}
    </div>
  );
}
