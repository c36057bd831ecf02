import { describe, expect, it } from "vitest";
import { mapPosition, monotonePairs } from "./scroll-map";

describe("scrolling in step", () => {
  it("brings linked passages into view together and interpolates between them", () => {
    const pairs = monotonePairs([[1000, 300]], 2000, 3000);
    expect(mapPosition(pairs, 1000, 0)).toBe(300);
    expect(mapPosition(pairs, 500, 0)).toBe(150);
    expect(mapPosition(pairs, 1500, 0)).toBe(300 + 0.5 * 2700);
    expect(mapPosition(pairs, 300, 1)).toBe(1000);
  });
  it("drops crossing links so the other side never scrolls backwards", () => {
    const pairs = monotonePairs(
      [
        [100, 900],
        [500, 200],
        [800, 1000],
      ],
      1000,
      1200,
    );
    expect(pairs).toEqual([
      [0, 0],
      [100, 900],
      [800, 1000],
      [1000, 1200],
    ]);
    const mapped = [0, 200, 400, 600, 800, 1000].map((position) => mapPosition(pairs, position, 0));
    expect(mapped).toEqual([...mapped].sort((a, b) => a - b));
  });
  it("is proportional without links", () => {
    expect(mapPosition(monotonePairs([], 1000, 4000), 250, 0)).toBe(1000);
  });
});
