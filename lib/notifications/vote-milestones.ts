// Upvotes that notify the author: the first, then 5, 10, 25, 50, 100, 250, 500, 1000, …
export function isVoteMilestone(up: number) {
  if (up === 1) return true;
  for (let scale = 1; scale <= up; scale *= 10) for (const step of [5, 10, 25]) if (step * scale === up) return true;
  return false;
}
