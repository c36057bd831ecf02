import { searchQuerySchema, type SearchQuery } from "@/lib/validations/search";

type RawParams = Record<string, string | string[] | undefined>;

// A search page's URL parameters as a query (anything invalid falls back to defaults).
export function readSearchParams(params: RawParams): { query: SearchQuery; raw: Record<string, string> } {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first) raw[key] = first;
  }
  const parsed = searchQuerySchema.safeParse(raw);
  return { query: parsed.success ? parsed.data : searchQuerySchema.parse({ q: raw.q?.slice(0, 500) ?? "" }), raw };
}

export function searchPageHref(path: string, raw: Record<string, string>, cursor: string): string {
  return `${path}?${new URLSearchParams({ ...raw, cursor }).toString()}`;
}
