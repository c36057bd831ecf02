import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The shared test corpus lives beside the repository (../shared/corpus) and is
// never copied into it. COUNTERPOINT_CORPUS_DIR points elsewhere if needed.
export const CORPUS_DIR = path.resolve(
  process.env.COUNTERPOINT_CORPUS_DIR ?? path.join(import.meta.dirname, "../../../shared/corpus"),
);

export function readCorpus(name: string): string {
  const file = path.join(CORPUS_DIR, name);
  if (!existsSync(file))
    throw new Error(
      `Corpus file ${file} is missing: check out ../shared beside the repository or set COUNTERPOINT_CORPUS_DIR.`,
    );
  return readFileSync(file, "utf8");
}
