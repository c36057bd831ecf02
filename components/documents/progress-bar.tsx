// Upload progress, then an indeterminate bar while the server extracts and stores.
export function ProgressBar({ fraction, label }: { fraction: number | null; label: string }) {
  return (
    <div className="space-y-1" data-testid="progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
        className="h-2 overflow-hidden rounded-full bg-stone-200 dark:bg-stone-800"
      >
        <div
          className={`h-full rounded-full bg-accent-600 transition-[width] ${fraction === null ? "w-1/3 animate-pulse" : ""}`}
          style={fraction === null ? undefined : { width: `${Math.round(fraction * 100)}%` }}
        />
      </div>
      <p className="text-xs text-stone-500">{label}</p>
    </div>
  );
}
