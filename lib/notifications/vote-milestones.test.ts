import { describe, expect, it } from "vitest";
import { isVoteMilestone } from "./vote-milestones";

describe("isVoteMilestone", () => {
  it("is the first upvote, then 5, 10, 25 at every scale", () => {
    const hits = Array.from({ length: 1100 }, (_, i) => i).filter(isVoteMilestone);
    expect(hits).toEqual([1, 5, 10, 25, 50, 100, 250, 500, 1000]);
  });
});
