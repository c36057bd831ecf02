import type { Block } from "./blocks";
import { outlineOf } from "./outline";

// Where an offset sits in a document, for citing it: the page (paginated
// sources only) and the heading path (outermost first). A level-1 heading
// that opens the document is its title, not a section.
export type Place = { page: number | null; section: string[] };

export const NO_PLACE: Place = { page: null, section: [] };

type Heading = { start: number; level: number; text: string };

// Built once per document (its current text and structure), then asked per
// offset in O(log n): binary search over the block starts and heading starts.
export function createLocator(text: string, blocks: Block[], pageCount: number | null) {
  const paginated = pageCount !== null && blocks.some((block) => block.page !== undefined);
  const headings: Heading[] = outlineOf(text, blocks);
  const title = blocks[0]?.type === "heading" && (blocks[0].level ?? 2) === 1 ? blocks[0].start : null;
  const sections = headings.filter((heading) => heading.start !== title);
  // The path at each heading: the headings above it that are still open (a stack by level).
  const open: Heading[] = [];
  const paths = sections.map((heading) => {
    while (open.length && open[open.length - 1]!.level >= heading.level) open.pop();
    open.push(heading);
    return open.map((entry) => entry.text);
  });

  const pageAt = (offset: number): number | null => {
    if (!paginated || !blocks.length) return null;
    // The last block starting at or before the offset; the offset is inside it, or after its
    // end (between blocks), where it takes the page of the next block.
    const index = lastAtOrBefore(blocks, offset);
    const block = index >= 0 ? blocks[index]! : undefined;
    const chosen = block && offset < block.end ? block : (blocks[index + 1] ?? block);
    return chosen?.page ?? null;
  };

  const sectionAt = (offset: number): string[] => {
    const index = lastAtOrBefore(sections, offset);
    return index >= 0 ? paths[index]! : [];
  };

  return (offset: number): Place => ({ page: pageAt(offset), section: sectionAt(offset) });
}
export type Locator = ReturnType<typeof createLocator>;

function lastAtOrBefore(items: { start: number }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle]!.start <= offset) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}
