import type { PublishedDate } from "../published-date";
import type { Block, SourceBlock } from "../structure/blocks";

export const SOURCE_FORMATS = ["text", "markdown", "html", "pdf", "docx"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

// What an importer reads from a source: its text, the text of each block in
// order (headings, list items… when the format says so), and whatever
// metadata the source itself declares.
export type ExtractedSource = {
  text: string;
  sourceFormat: SourceFormat;
  structure?: SourceBlock[];
  pageCount?: number;
  title?: string;
  authors?: string[];
  sourceUrl?: string;
  published?: PublishedDate;
};

// What an import yields: the canonical plain text that selectors will point
// into, its structure as ranges over that text, and the detected metadata.
// Plain JSON (it may cross a process boundary).
export type ExtractedDocument = Omit<ExtractedSource, "structure"> & { blocks: Block[] };
