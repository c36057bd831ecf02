// Scrolling two documents in step: linked passages are the fixed points. Given
// pairs (position in the left text, position in the right text), a scroll
// position on one side maps to the other by interpolating between the nearest
// pairs; pairs that cross others are dropped so the mapping only moves forward.
export type Pair = [left: number, right: number];

export function monotonePairs(pairs: Pair[], leftMax: number, rightMax: number): Pair[] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const kept: Pair[] = [[0, 0]];
  for (const pair of sorted) {
    const last = kept.at(-1)!;
    if (pair[0] > last[0] && pair[1] > last[1] && pair[0] < leftMax && pair[1] < rightMax) kept.push(pair);
  }
  kept.push([Math.max(leftMax, kept.at(-1)![0] + 1), Math.max(rightMax, kept.at(-1)![1] + 1)]);
  return kept;
}

// Maps a position from one side (index 0 = left, 1 = right) to the other.
export function mapPosition(pairs: Pair[], position: number, from: 0 | 1): number {
  const to = from === 0 ? 1 : 0;
  for (let index = 1; index < pairs.length; index += 1) {
    const previous = pairs[index - 1]!;
    const next = pairs[index]!;
    if (position <= next[from]) {
      const span = next[from] - previous[from];
      const ratio = span > 0 ? (position - previous[from]) / span : 0;
      return previous[to] + ratio * (next[to] - previous[to]);
    }
  }
  return pairs.at(-1)![to];
}
