import "server-only";
import { poolEmbedder } from "./pool-embedder";

// The embeddings of recently asked quotes (the same card asks again on every render).
const globalForVectors = globalThis as unknown as { suggestionQueryVectors?: Map<string, Float32Array> };
const MAX_CACHED = 2000;

// The quote's vector, or undefined when the pool cannot embed it now: the ranking is then
// lexical, never an error.
export async function queryVector(quote: string): Promise<Float32Array | undefined> {
  const cache = (globalForVectors.suggestionQueryVectors ??= new Map());
  const cached = cache.get(quote);
  if (cached) return cached;
  try {
    const [vector] = await poolEmbedder.embed([quote]);
    if (!vector) return undefined;
    cache.set(quote, vector);
    if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
    return vector;
  } catch (error) {
    console.error("Suggestions: the quote could not be embedded, ranking by words only.", error);
    return undefined;
  }
}
