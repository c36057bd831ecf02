import { Bm25Index } from "./bm25";
import { dot } from "./embedder";
import { conceptTerms, conceptsOf } from "./thesaurus";
import { tokenize } from "./tokenize";

// The hybrid ranker: BM25 over the passages' stems plus BM25 over their words as written
// (an exact word counts twice) plus BM25 over the shipped thesaurus's concepts (a "treaty"
// meets an "alliance", see thesaurus.ts), fused in a weighted sum with the cosine of sentence
// embeddings. Weights were set on tests/corpus/suggestions-eval.json (see its test): on
// that set, sentence embeddings mostly add noise to the lexical ranking, so they weigh little
// there and rank what shares no word at all.
export const WEIGHTS = { lexical: 0.95, meaning: 0.05 };
// How much a shared concept counts against a shared stem (both scored by BM25).
const CONCEPT_WEIGHT = 1;
// Below this cosine a passage with no shared term is not related at all.
const MEANING_FLOOR = 0.3;
const PARAPHRASE_COSINE = 0.5;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export type Passage = { text: string; vector?: Float32Array };
export type Ranked = {
  index: number;
  score: number;
  lexical: number;
  cosine: number | null;
  sharedWords: string[];
  // Passage words in a thesaurus concept of the query that share no stem with it ("treaty"
  // for a query on an "alliance").
  relatedWords?: string[];
};

// A title or heading line on its own (fewer than five words) is not a passage anyone links to:
// it matches on names alone. Never suggested.
const MIN_WORDS = 5;
export const isHeading = (text: string) => text.split(/\s+/).filter(Boolean).length < MIN_WORDS;

export class PassageCorpus {
  readonly bm25: Bm25Index;
  private readonly exact: Bm25Index;
  private readonly concepts: Bm25Index;
  private readonly stems: Set<string>[];
  private readonly words: Array<Map<string, string>>;

  constructor(
    readonly passages: Passage[],
    tokens: ReturnType<typeof tokenize>[] = passages.map((passage) => tokenize(passage.text)),
  ) {
    this.bm25 = new Bm25Index(tokens.map((list) => list.map((token) => token.stem)));
    this.exact = new Bm25Index(tokens.map((list) => list.map((token) => token.word)));
    this.concepts = new Bm25Index(tokens.map((list) => conceptTerms(list.map((token) => token.stem))));
    this.stems = tokens.map((list) => new Set(list.map((token) => token.stem)));
    this.words = tokens.map((list) => new Map(list.map((token) => [token.stem, token.word])));
  }

  // Built in slices that let the event loop serve requests in between (a workspace's ranker is
  // rebuilt while the previous one answers).
  static async build(passages: Passage[], slice = 250): Promise<PassageCorpus> {
    const tokens: ReturnType<typeof tokenize>[] = [];
    for (let from = 0; from < passages.length; from += slice) {
      for (const passage of passages.slice(from, from + slice)) tokens.push(tokenize(passage.text));
      await yieldToEventLoop();
    }
    return new PassageCorpus(passages, tokens);
  }

  // Passages best first. `accept` filters (visibility, dismissals, the query's own document).
  rank(query: { text: string; vector?: Float32Array }, limit: number, accept: (index: number) => boolean): Ranked[] {
    const queryTokens = tokenize(query.text);
    const queryStems = queryTokens.map((token) => token.stem);
    const lexical = this.bm25.score(queryStems);
    for (const [index, value] of this.exact.score(queryTokens.map((token) => token.word)))
      lexical.set(index, (lexical.get(index) ?? 0) + value);
    for (const [index, value] of this.concepts.score(conceptTerms(queryStems)))
      lexical.set(index, (lexical.get(index) ?? 0) + CONCEPT_WEIGHT * value);
    let maxLexical = 0;
    for (const [index, value] of lexical) if (accept(index) && value > maxLexical) maxLexical = value;
    const candidates: Ranked[] = [];
    const consider = (index: number) => {
      const raw = lexical.get(index) ?? 0;
      const vector = this.passages[index]!.vector;
      const cosine = query.vector && vector ? dot(query.vector, vector) : null;
      if (raw === 0 && (cosine === null || cosine < MEANING_FLOOR)) return;
      const lexicalScore = maxLexical > 0 ? raw / maxLexical : 0;
      // Without a query vector the ranking is lexical; with one, a passage not embedded yet
      // competes on its words alone.
      const score = query.vector
        ? WEIGHTS.lexical * lexicalScore + WEIGHTS.meaning * Math.max(0, cosine ?? 0)
        : lexicalScore;
      candidates.push({ index, score, lexical: raw, cosine, sharedWords: [] });
    };
    if (query.vector) {
      for (let index = 0; index < this.passages.length; index += 1) if (accept(index)) consider(index);
    } else {
      for (const index of lexical.keys()) if (accept(index)) consider(index);
    }
    const top = topK(candidates, limit);
    for (const ranked of top) {
      ranked.sharedWords = this.sharedWords(queryStems, ranked.index);
      ranked.relatedWords = this.relatedWords(queryStems, ranked.index);
    }
    return top;
  }

  // The shared terms that say most (rarest first), as written in the passage.
  private sharedWords(queryStems: string[], index: number): string[] {
    const shared = [...new Set(queryStems)].filter((stem) => this.stems[index]!.has(stem));
    shared.sort((a, b) => this.bm25.idf(b) - this.bm25.idf(a));
    return shared.slice(0, 3).map((stem) => this.words[index]!.get(stem) ?? stem);
  }

  // The passage's words, as written, that meet a concept of the query without sharing its stem.
  private relatedWords(queryStems: string[], index: number): string[] {
    const queryConcepts = new Set(conceptTerms(queryStems));
    const own = new Set(queryStems);
    const related = [...this.words[index]!].filter(
      ([stem]) => !own.has(stem) && conceptsOf(stem).some((concept) => queryConcepts.has(concept)),
    );
    related.sort(([a], [b]) => this.bm25.idf(b) - this.bm25.idf(a));
    return related.slice(0, 3).map(([, word]) => word);
  }
}

function topK(items: Ranked[], k: number): Ranked[] {
  return items.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}

// "shared terms: alliance, treaty", "related terms: pact" or "similar meaning (paraphrase)".
export function reasonFor(ranked: Ranked): string {
  const paraphrase = ranked.cosine !== null && ranked.cosine >= PARAPHRASE_COSINE;
  const related = ranked.relatedWords?.length ? `related terms: ${ranked.relatedWords.join(", ")}` : "";
  if (ranked.sharedWords.length === 0) return related || "similar meaning (paraphrase)";
  const terms = `shared terms: ${ranked.sharedWords.join(", ")}`;
  return paraphrase && ranked.sharedWords.length < 2 ? `similar meaning (paraphrase); ${terms}` : terms;
}
