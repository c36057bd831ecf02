// A quote shortened at a word boundary (mid-word only when one word is that long), with
// an ellipsis; whitespace runs read as one space. Pure, so pages and reports share it.
export function shortQuote(quote: string, length = 80): string {
  const characters = Array.from(quote.replace(/\s+/g, " ").trim());
  if (characters.length <= length) return characters.join("");
  const cut = characters.slice(0, length).join("");
  const space = characters[length] === " " ? cut.length : cut.lastIndexOf(" ");
  const head = space >= cut.length / 3 ? cut.slice(0, space) : characters.slice(0, length - 1).join("");
  return `${head.replace(/[\s,;:–—-]+$/u, "")}…`;
}
