import type { PublishedDate } from "../published-date";

export type SourceFormat = "text" | "markdown" | "html" | "pdf" | "docx";

// What an importer finds in a source: the canonical plain text that selectors
// will point into, and whatever metadata the source itself declares.
export type ExtractedDocument = {
  text: string;
  sourceFormat: SourceFormat;
  title?: string;
  authors?: string[];
  sourceUrl?: string;
  published?: PublishedDate;
};
