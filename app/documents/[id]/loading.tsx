export default function LoadingDocument() {
  return (
    <div role="status" aria-label="Loading the document" className="animate-pulse space-y-4">
      <div className="h-8 w-2/3 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="h-4 w-1/3 rounded bg-stone-200 dark:bg-stone-800" />
      <div className="mt-8 max-w-[68ch] space-y-3">
        {Array.from({ length: 8 }, (_, index) => (
          <div key={index} className="h-4 rounded bg-stone-200 dark:bg-stone-800" style={{ width: `${88 - (index % 3) * 9}%` }} />
        ))}
      </div>
    </div>
  );
}
