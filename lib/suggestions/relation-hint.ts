import type { Ranked } from "./scorer";

// Words that deny or set against what a sentence says.
const NEGATION =
  /\b(no|not|never|neither|nor|none|nothing|without|cannot|can't|won't|isn't|aren't|doesn't|don't|didn't|hasn't|haven't|wasn't|weren't|unlikely|rejects?|rejected|denies|denied|refuses?|refused|lacks?|absence|contrary|despite)\b|n't\b/i;
const CONFIDENT = 0.55;

export type RelationHint = "agrees?" | "contradicts?";

// A hint, never a verdict: given only when the two passages are close in meaning. A
// negation or contrast cue on one side only suggests they disagree; on both or neither,
// that they agree.
export function relationHint(query: string, passage: string, ranked: Ranked): RelationHint | undefined {
  if (ranked.cosine === null || ranked.cosine < CONFIDENT) return undefined;
  return NEGATION.test(query) !== NEGATION.test(passage) ? "contradicts?" : "agrees?";
}
