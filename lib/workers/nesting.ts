// Cheap, linear checks that refuse deeply nested input before a parser recurses into it.
// They are a fast path only: the pool's deadline and memory cap are the guarantee.

export const MAX_HTML_DEPTH = 256;
export const MAX_MARKDOWN_DEPTH = 100;
// Emphasis and link markers in one comment. Matching them costs the parser time that grows
// faster than their number ("*a" × 10,000 took 28 s on the request loop); a real comment has
// dozens. Counted, so the refusal does not depend on how fast the machine is.
export const MAX_MARKDOWN_MARKERS = 2_000;

// Elements that never hold children, and those whose end tag may be left out (a new one
// closes the old): neither makes a page deeper.
const FLAT = new Set(
  (
    "area base br col embed hr img input link meta param source track wbr " +
    "p li dt dd tr td th thead tbody tfoot option optgroup rb rt rp colgroup caption html head body"
  ).split(" "),
);

// How deeply the elements of an HTML page nest, counted from its tags without parsing it
// (comments and the insides of scripts and styles skipped); one pass, whatever the input.
export function htmlNestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  let index = 0;
  while ((index = html.indexOf("<", index)) !== -1) {
    if (html.startsWith("<!--", index)) {
      const end = html.indexOf("-->", index + 4);
      if (end === -1) break;
      index = end + 3;
      continue;
    }
    const close = html.indexOf(">", index + 1);
    if (close === -1) break;
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(index, Math.min(close, index + 64)));
    index = close + 1;
    if (!tag) continue;
    const name = tag[2]!.toLowerCase();
    if (!tag[1] && (name === "script" || name === "style")) {
      const ending = new RegExp(`</${name}`, "gi");
      ending.lastIndex = index;
      if (!ending.exec(html)) break;
      index = ending.lastIndex;
      continue;
    }
    if (FLAT.has(name) || html[close - 1] === "/") continue;
    if (tag[1]) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

// How deeply Markdown containers nest on any one line: block quotes (`>`) and list items
// (`-`, `*`, `+`, `1.`), each marker one level and indentation before a marker one level per
// two columns.
export function markdownNestingDepth(markdown: string): number {
  let deepest = 0;
  let start = 0;
  while (start < markdown.length) {
    let end = markdown.indexOf("\n", start);
    if (end === -1) end = markdown.length;
    let depth = 0;
    let columns = 0;
    let index = start;
    while (index < end) {
      const char = markdown[index]!;
      if (char === " " || char === "\t") {
        columns += char === "\t" ? 4 : 1;
        index += 1;
        continue;
      }
      const marker = containerMarker(markdown, index, end);
      if (!marker) break;
      depth += 1 + Math.floor(columns / 2);
      columns = 0;
      index += marker;
    }
    deepest = Math.max(deepest, depth);
    start = end + 1;
  }
  return deepest;
}

// Length of a container marker at `index` (followed by a space, a tab or the line's end), or 0.
function containerMarker(text: string, index: number, end: number): number {
  const char = text[index]!;
  let length = 0;
  if (char === ">") return 1;
  if (char === "-" || char === "*" || char === "+") length = 1;
  else {
    while (length < 10 && index + length < end && text[index + length]! >= "0" && text[index + length]! <= "9")
      length += 1;
    if (!length || length > 9 || (text[index + length] !== "." && text[index + length] !== ")")) return 0;
    length += 1;
  }
  const next = text[index + length];
  return index + length >= end || next === " " || next === "\t" ? length : 0;
}

// Characters that open or close emphasis, strikethrough or links: * _ ~ [ ]
export function markdownMarkerCount(markdown: string): number {
  let count = 0;
  for (let index = 0; index < markdown.length; index += 1) {
    const code = markdown.charCodeAt(index);
    if (code === 42 || code === 95 || code === 126 || code === 91 || code === 93) count += 1;
  }
  return count;
}
