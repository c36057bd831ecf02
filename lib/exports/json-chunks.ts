// JSON written in pieces: an envelope around one or more arrays whose members are
// serialized a batch at a time, so a large export never becomes one giant string.
export const JSON_BATCH = 50;

export function* jsonChunks(parts: (string | Iterable<unknown>)[], batch = JSON_BATCH): Generator<string> {
  for (const part of parts) {
    if (typeof part === "string") {
      yield part;
      continue;
    }
    let buffer: string[] = [];
    let first = true;
    for (const value of part) {
      buffer.push(JSON.stringify(value));
      if (buffer.length === batch) {
        yield `${first ? "" : ","}${buffer.join(",")}`;
        first = false;
        buffer = [];
      }
    }
    if (buffer.length) yield `${first ? "" : ","}${buffer.join(",")}`;
  }
}
