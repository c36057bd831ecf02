import { stemmer } from "stemmer";

// Words too common to say two passages are about the same thing.
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below " +
    "between both but by can could did do does doing down during each few for from further had has have having " +
    "he her here hers herself him himself his how i if in into is it its itself just may me might more most must " +
    "my myself no nor not now of off on once only or other our ours ourselves out over own same she should so " +
    "some such than that the their theirs them themselves then there these they this those through to too under " +
    "until up very was we were what when where which while who whom why will with would you your yours one two " +
    "said says say also even still however yet thus though although whether within without upon among many much " +
    "new way ways well since per via"
  ).split(" "),
);

export type Token = { word: string; stem: string };

// Lower-cased words (letters, digits, inner apostrophes and hyphens split) with their
// Porter stems; stopwords and one-letter words dropped.
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    const word = match[0].replace(/['’]s$/, "");
    if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) continue;
    tokens.push({ word, stem: stemmer(word) });
  }
  return tokens;
}

export const stems = (text: string): string[] => tokenize(text).map((token) => token.stem);

// The words as written (no stemming): what plain keyword ranking sees.
export const words = (text: string): string[] => tokenize(text).map((token) => token.word);
