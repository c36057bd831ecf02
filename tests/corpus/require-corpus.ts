import { CORPUS_DIR, corpusMissingMessage, missingCorpusFiles } from "../support/corpus";

// Global setup of the corpus suite: stop at once, with one clear message, when
// the shared corpus is not there (rather than failing test by test).
export default function requireCorpus() {
  const missing = missingCorpusFiles();
  if (missing.length) throw new Error(corpusMissingMessage(missing));
  console.log(`Corpus suite: reading the shared corpus at ${CORPUS_DIR}`);
}
