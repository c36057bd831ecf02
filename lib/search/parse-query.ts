// A search box's text as clauses: words, "quoted phrases", -exclusions and OR between
// groups (the web-search conventions people already know). The last bare word of a
// query still being typed (no trailing space) is a prefix.
export type SearchClause = { kind: "word" | "phrase" | "prefix"; text: string; isNegated: boolean };
export type ParsedQuery = { groups: SearchClause[][] };

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;

export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.replace(/[“”„‟«»]/g, '"');
  const groups: SearchClause[][] = [[]];
  const isTyping = !/\s$/.test(text);
  const tokens = Array.from(text.matchAll(TOKEN));
  tokens.forEach((match, index) => {
    const [, minus, phrase, bare] = match;
    const current = groups[groups.length - 1]!;
    if (phrase !== undefined) {
      if (phrase.trim()) current.push({ kind: "phrase", text: phrase.trim(), isNegated: minus === "-" });
      return;
    }
    if (bare === "OR" || bare === "|") {
      if (current.length) groups.push([]);
      return;
    }
    const isNegated = bare!.startsWith("-") && bare!.length > 1;
    const word = isNegated ? bare!.slice(1) : bare!;
    const isLast = index === tokens.length - 1;
    current.push({ kind: isLast && isTyping && !isNegated ? "prefix" : "word", text: word, isNegated });
  });
  return { groups: groups.filter((group) => group.some((clause) => !clause.isNegated)) };
}

export const isEmptyQuery = (query: ParsedQuery) => query.groups.length === 0;
