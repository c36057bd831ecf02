// Okapi BM25 over passages given as stem lists, with an inverted index so a query touches
// only the passages that share a stem with it.
const K1 = 1.2;
const B = 0.75;

export class Bm25Index {
  private readonly postings = new Map<string, Array<{ passage: number; count: number }>>();
  private readonly lengths: number[] = [];
  private averageLength = 0;

  constructor(passages: string[][]) {
    passages.forEach((stems, passage) => {
      this.lengths.push(stems.length);
      const counts = new Map<string, number>();
      for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
      for (const [stem, count] of counts) {
        let list = this.postings.get(stem);
        if (!list) this.postings.set(stem, (list = []));
        list.push({ passage, count });
      }
    });
    this.averageLength = this.lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, this.lengths.length);
  }

  get size() {
    return this.lengths.length;
  }

  idf(stem: string): number {
    const df = this.postings.get(stem)?.length ?? 0;
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  // Scores of the passages that share at least one stem with the query.
  score(queryStems: string[]): Map<number, number> {
    const scores = new Map<number, number>();
    for (const stem of new Set(queryStems)) {
      const list = this.postings.get(stem);
      if (!list) continue;
      const idf = this.idf(stem);
      for (const { passage, count } of list) {
        const norm = K1 * (1 - B + (B * this.lengths[passage]!) / this.averageLength);
        scores.set(passage, (scores.get(passage) ?? 0) + (idf * (count * (K1 + 1))) / (count + norm));
      }
    }
    return scores;
  }
}
