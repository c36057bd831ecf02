export default function Loading() {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse space-y-4 py-4">
      <div className="h-8 w-64 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-4 w-96 max-w-full rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-32 rounded-xl bg-stone-200 dark:bg-stone-800" />
    </div>
  );
}
