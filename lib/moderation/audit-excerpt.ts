// A short excerpt for the audit log: whole words, "…" where it was cut.
export function excerpt(text: string, maxLength = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const characters = Array.from(flat);
  if (characters.length <= maxLength) return flat;
  const cut = characters.slice(0, maxLength).join("");
  // Cut inside a word: drop its beginning (unless it is the only word).
  const atWord = /[\p{L}\p{N}]/u.test(characters[maxLength]!) ? cut.replace(/\s+\S*$/, "") : cut;
  return `${(atWord || cut).replace(/[\s,;:.–—-]+$/, "")}…`;
}

// What an audit row touched, as a person reads it.
export function describeTarget(
  targetType: string,
  target: { title?: string; quote?: string; body?: string; fromQuote?: string; toQuote?: string; name?: string },
): string | null {
  if (targetType === "document" && target.title) return `“${excerpt(target.title, 80)}”`;
  if (targetType === "annotation" && target.quote !== undefined) return `“${excerpt(target.quote)}”`;
  if (targetType === "reply" && target.body !== undefined) return `“${excerpt(target.body, 40)}”`;
  if (targetType === "link" && target.fromQuote !== undefined && target.toQuote !== undefined)
    return `“${excerpt(target.fromQuote, 40)}” → “${excerpt(target.toQuote, 40)}”`;
  if (targetType === "member" && target.name) return target.name;
  return null;
}
