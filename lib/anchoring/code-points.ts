// Converts between code-point offsets (the W3C unit stored in selectors) and
// UTF-16 indices (what JavaScript strings use) in O(log n) per lookup.
export class CodePointIndex {
  // UTF-16 index of every astral character, in order; empty for most texts.
  private readonly astral: number[] = [];

  constructor(readonly text: string) {
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
        const next = text.charCodeAt(index + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.astral.push(index);
          index += 1;
        }
      }
    }
  }

  get length(): number {
    return this.text.length - this.astral.length;
  }

  toCodePoint(utf16Index: number): number {
    // Astral characters that start before the index each count one unit less.
    return utf16Index - countBelow(this.astral, utf16Index);
  }

  toUtf16(codePoint: number): number {
    const clamped = Math.max(0, Math.min(codePoint, this.length));
    // Each astral character before the target shifts it by one UTF-16 unit.
    let low = 0;
    let high = this.astral.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.astral[middle]! - middle < clamped) low = middle + 1;
      else high = middle;
    }
    return clamped + low;
  }
}

function countBelow(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]! < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
