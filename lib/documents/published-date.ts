// A publication date is often known only to the year or the month ("2023", "2023-09"):
// the date is stored as its first day, with how much of it the source gave.
export type DatePrecision = "year" | "month" | "day";
export type PublishedDate = { at: Date; precision: DatePrecision };

const PARTIAL = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;

// "2023" → year, "2023-09" → month, a full ISO date or date-time → day; else null.
export function parsePublished(value: string): PublishedDate | null {
  const trimmed = value.trim();
  const partial = trimmed.match(PARTIAL);
  if (partial) {
    const [, year, month] = partial;
    return {
      at: new Date(Date.UTC(Number(year), month ? Number(month) - 1 : 0, 1)),
      precision: month ? "month" : "year",
    };
  }
  const at = new Date(trimmed);
  return /^\d{4}-\d{2}-\d{2}/.test(trimmed) && !Number.isNaN(at.getTime()) ? { at, precision: "day" } : null;
}

const MONTH_FORMAT = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const DAY_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

// As people read it: "2023", "September 2023", "15 September 2023".
export function formatPublished(date: Date | string, precision: DatePrecision): string {
  const at = typeof date === "string" ? new Date(date) : date;
  if (precision === "year") return String(at.getUTCFullYear());
  return (precision === "month" ? MONTH_FORMAT : DAY_FORMAT).format(at);
}

// As the edit form shows it, to the same precision: "2023", "2023-09", "2023-09-15".
export function publishedInputValue(date: Date | string, precision: DatePrecision): string {
  const iso = (typeof date === "string" ? new Date(date) : date).toISOString();
  return iso.slice(0, precision === "year" ? 4 : precision === "month" ? 7 : 10);
}
