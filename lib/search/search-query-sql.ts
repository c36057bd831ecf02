import { Prisma } from "@/lib/generated/prisma/client";
import type { ParsedQuery, SearchClause } from "./parse-query";

// The parsed query as one tsquery expression. Every piece of text goes through the
// database's counterpoint_search_text() (see the search migration), the same
// normalization that built the stored vectors, so both sides split words alike
// whatever the server's locale.
function clauseSql(clause: SearchClause): Prisma.Sql {
  const exact = Prisma.sql`phraseto_tsquery('counterpoint', counterpoint_search_text(${clause.text}))`;
  const matched =
    clause.kind === "prefix" ? Prisma.sql`(${exact} || counterpoint_prefix_query(${clause.text}))` : exact;
  return clause.isNegated ? Prisma.sql`!!${matched}` : matched;
}

export function tsQuerySql(query: ParsedQuery): Prisma.Sql {
  if (!query.groups.length) return Prisma.sql`''::tsquery`;
  const groups = query.groups.map((group) => Prisma.sql`(${Prisma.join(group.map(clauseSql), " && ")})`);
  return Prisma.join(groups, " || ");
}

// The lexemes a tsquery looks for ('limit', 'trust':* …), to find them again in the
// original text for snippets. Negated ones are left out.
export function queryLexemes(tsQueryText: string): Array<{ lexeme: string; isPrefix: boolean }> {
  const found = new Map<string, boolean>();
  for (const match of tsQueryText.matchAll(/(!\s*)?'((?:[^']|'')+)'(:\*)?/g)) {
    if (match[1]) continue;
    const lexeme = match[2]!.replaceAll("''", "'");
    found.set(lexeme, Boolean(found.get(lexeme)) || Boolean(match[3]));
  }
  return Array.from(found, ([lexeme, isPrefix]) => ({ lexeme, isPrefix }));
}
