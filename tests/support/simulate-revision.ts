import { describeRange } from "@/lib/anchoring/selectors";
import { CodePointIndex } from "@/lib/anchoring/code-points";
import { reanchorAll } from "@/lib/anchoring/reanchor";

// Deterministic revisions and annotations for anchoring tests and benchmarks.
// The simulator knows where every surviving character went, so each
// annotation has a ground truth: its new range, or "should be orphaned".

export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const INVENTED_WORDS = [
  "analysts",
  "observers",
  "capitals",
  "revisited",
  "briefly",
  "questioned",
  "tentative",
  "framework",
  "ministers",
  "weighed",
  "renewed",
  "assessment",
  "several",
  "commentators",
  "doubted",
  "emerging",
  "consensus",
  "quietly",
  "ledger",
];

export type RevisionOptions = {
  seed: number;
  deleteSentence: number;
  insertSentence: number;
  changeWord: number;
  doubleSpace: number;
};

export const DEFAULT_REVISION: RevisionOptions = {
  seed: 7,
  deleteSentence: 0.06,
  insertSentence: 0.06,
  changeWord: 0.02,
  doubleSpace: 0.01,
};

export type Revision = { text: string; newIndexOf: Int32Array };

// Applies sentence deletions and insertions, word changes and whitespace edits.
// newIndexOf[i] is the UTF-16 index of old character i in the new text, or -1.
export function simulateRevision(oldText: string, options: RevisionOptions = DEFAULT_REVISION): Revision {
  const random = seededRandom(options.seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const newIndexOf = new Int32Array(oldText.length).fill(-1);
  const sentences = oldText.match(/[^.!?\n]*(?:[.!?]+["”’)]*|\n|$)\s*/g)!.filter(Boolean);
  let output = "";
  let oldOffset = 0;
  for (const sentence of sentences) {
    if (random() < options.insertSentence) {
      const words = Array.from({ length: 6 + Math.floor(random() * 10) }, () => pick(INVENTED_WORDS));
      output += `${words.join(" ").replace(/^./, (first) => first.toUpperCase())}. `;
    }
    if (random() < options.deleteSentence && sentence.trim()) {
      oldOffset += sentence.length;
      continue;
    }
    for (const token of sentence.match(/\s+|[^\s]+/g) ?? []) {
      if (/^\s+$/.test(token)) {
        const spaced = token === " " && random() < options.doubleSpace ? "  " : token;
        for (let index = 0; index < token.length; index += 1) newIndexOf[oldOffset + index] = output.length + index;
        output += spaced;
      } else if (/^[A-Za-z]{4,}$/.test(token) && random() < options.changeWord) {
        output += pick(INVENTED_WORDS);
      } else {
        for (let index = 0; index < token.length; index += 1) newIndexOf[oldOffset + index] = output.length + index;
        output += token;
      }
      oldOffset += token.length;
    }
  }
  return { text: output, newIndexOf };
}

export type SimulatedAnnotation = { start: number; end: number; quote: string; prefix: string; suffix: string };

// Annotations over whole words (2–30 words), plus short repeated words and the very start and end.
export function simulateAnnotations(text: string, count: number, seed = 11): SimulatedAnnotation[] {
  const random = seededRandom(seed);
  const words = Array.from(text.matchAll(/\S+/g), (match) => ({
    start: match.index!,
    end: match.index! + match[0].length,
  }));
  const word = (index: number) => words[Math.max(0, Math.min(index, words.length - 1))]!;
  const index = new CodePointIndex(text);
  const ranges: Array<[number, number]> = [
    [word(0).start, word(4).end],
    [word(words.length - 5).start, word(words.length - 1).end],
  ];
  while (ranges.length < count) {
    const first = Math.floor(random() * words.length);
    const span = random() < 0.1 ? 0 : 1 + Math.floor(random() * 29);
    const last = Math.min(words.length - 1, first + span);
    ranges.push([word(first).start, word(last).end]);
  }
  return ranges.map(([from, to]) => {
    const [quote] = describeRange(text, index.toCodePoint(from), index.toCodePoint(to));
    return {
      start: index.toCodePoint(from),
      end: index.toCodePoint(to),
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
    };
  });
}

export type Verdict = "right" | "orphaned-correctly" | "orphaned-needlessly" | "wrong";

// Judges a re-anchoring result against the simulator's ground truth (UTF-16 ranges).
// A passage is expected to survive when at least half of its characters did.
export function judge(
  revision: Revision,
  oldStart: number,
  oldEnd: number,
  result: { start: number; end: number } | null,
): Verdict {
  let kept = 0;
  let first = -1;
  let last = -1;
  for (let index = oldStart; index < oldEnd; index += 1) {
    const mapped = revision.newIndexOf[index]!;
    if (mapped < 0) continue;
    kept += 1;
    if (first < 0) first = mapped;
    last = mapped + 1;
  }
  const shouldSurvive = kept * 2 >= oldEnd - oldStart;
  if (!result) return shouldSurvive ? "orphaned-needlessly" : "orphaned-correctly";
  if (first < 0) return "wrong";
  const overlap = Math.min(result.end, last) - Math.max(result.start, first);
  return overlap * 2 >= result.end - result.start ? "right" : "wrong";
}

// Re-anchors `count` simulated annotations over a simulated revision of `text` and judges
// each against the ground truth: "right", "wrong", or what else `judge` says.
export function reanchorVerdicts(text: string, count: number) {
  const revision = simulateRevision(text);
  const annotations = simulateAnnotations(text, count);
  const results = reanchorAll(
    text,
    revision.text,
    annotations.map((annotation) => ({ ...annotation, hasPosition: true })),
  );
  const oldIndex = new CodePointIndex(text);
  const newIndex = new CodePointIndex(revision.text);
  return results.map((result, index) => {
    const { start, end } = annotations[index]!;
    const found =
      result.status === "orphaned"
        ? null
        : { start: newIndex.toUtf16(result.start), end: newIndex.toUtf16(result.end) };
    return judge(revision, oldIndex.toUtf16(start), oldIndex.toUtf16(end), found);
  });
}
