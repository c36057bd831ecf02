import { expect } from "vitest";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StreamHandler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

// Opens a Server-Sent Event stream through its route handler, as `token`'s holder, and reads
// it for a while at a time: `readFor(ms)` returns all that arrived so far and whether the
// stream ended. One read is pending at a time; one still pending when time runs out is kept
// for the next call.
export async function openEventStream(
  handler: StreamHandler,
  url: string,
  {
    token,
    params = {},
    headers = {},
  }: { token: string; params?: Record<string, string>; headers?: Record<string, string> },
) {
  const abort = new AbortController();
  const request = new Request(url, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: abort.signal });
  const response = await handler(request, { params: Promise.resolve(params) });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = "";
  let pending: ReturnType<typeof reader.read> | null = null;
  const readFor = async (ms: number) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) return { received, hasEnded: false };
      pending ??= reader.read();
      const next = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), left))]);
      if (next === null) return { received, hasEnded: false };
      pending = null;
      if (next.done) return { received, hasEnded: true };
      received += decoder.decode(next.value);
    }
  };
  return { readFor, received: () => received, close: () => abort.abort() };
}
