import "server-only";
import { DEADLINES } from "@/lib/workers/deadlines";
import { runUntrusted } from "@/lib/workers/untrusted-pool";
import { universalSentenceEncoder, type Embedder } from "./embedder";

// The default embedder, run in the worker pool (lib/workers) so the model's arithmetic
// never holds the server's event loop.
export const poolEmbedder: Embedder = {
  name: universalSentenceEncoder.name,
  dimensions: universalSentenceEncoder.dimensions,
  async embed(texts) {
    const vectors = await runUntrusted("embedTexts", [texts], {
      deadlineMs: DEADLINES.embed(),
      tooComplex: "These passages could not be embedded",
    });
    return vectors.map((vector) => (vector instanceof Float32Array ? vector : Float32Array.from(vector)));
  },
};
