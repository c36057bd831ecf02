// Whether two claim titles say nearly the same thing, by their normalized words: case, accents,
// punctuation, word order, a few function words and plural endings do not count.
const FUNCTION_WORDS = new Set(
  "a an the and or of to in on for with by at as is are be was were will would has have had it its this that their there than not no".split(
    " ",
  ),
);

// The content words of a title, lightly stemmed ("alliances" → "allianc", "allies" → "ally").
export function claimWords(title: string): Set<string> {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !FUNCTION_WORDS.has(word))
    .map(stem);
  return new Set(words);
}

function stem(word: string) {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith("es")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

// Dice's coefficient of the two titles' content words (1 when they are the same words).
export function claimSimilarity(left: string, right: string) {
  const a = claimWords(left);
  const b = claimWords(right);
  if (!a.size || !b.size) return left.trim().toLowerCase() === right.trim().toLowerCase() ? 1 : 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

// At or above this, a new claim is a near-duplicate of an existing one: "China and Russia are
// allies" and "Russia and China are allies." (1), or one word added to four (0.89); one word
// changed in four is 0.75 and stays a different claim.
export const DUPLICATE_CLAIM_SIMILARITY = 0.8;

export const isNearDuplicateClaim = (left: string, right: string) =>
  claimSimilarity(left, right) >= DUPLICATE_CLAIM_SIMILARITY;
