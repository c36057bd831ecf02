import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// The shared test corpus lives beside the repository (../shared/corpus) and is
// never copied into it. COUNTERPOINT_CORPUS_DIR points elsewhere if needed.
// Only the corpus suite (tests/corpus, `npm run test:corpus`) and the
// benchmarks read it; `npm test` runs on the fixtures in tests/fixtures.
export const CORPUS_DIR = path.resolve(
  process.env.COUNTERPOINT_CORPUS_DIR ?? path.join(import.meta.dirname, "../../../shared/corpus"),
);

export const CORPUS_FILES = [
  "lin-2023-axis-takes-shape.txt",
  "istomin-2021-avoiding-an-alliance.txt",
  "kowalewski-2018-countering-encirclement.txt",
  "forum-2022-alliance-tightening.txt",
] as const;

// The corpus files that are not there (all of them when the folder is missing).
export function missingCorpusFiles(): string[] {
  return CORPUS_FILES.filter((name) => !existsSync(path.join(CORPUS_DIR, name)));
}

export function corpusMissingMessage(missing: string[]): string {
  return (
    `The test corpus is missing at ${CORPUS_DIR} (${missing.join(", ")} not found). ` +
    "The corpus suite and the benchmarks need it: check out ../shared beside the repository " +
    "or set COUNTERPOINT_CORPUS_DIR to the folder that holds the corpus files. (`npm test` does not need it.)"
  );
}

export function readCorpus(name: string): string {
  const file = path.join(CORPUS_DIR, name);
  if (!existsSync(file)) throw new Error(corpusMissingMessage([name]));
  return readFileSync(file, "utf8");
}
