// Which forwarded headers to believe. Pure: used by rate limits and the same-origin check.

// How many reverse proxies of ours stand in front of the app (TRUSTED_PROXY_HOPS, or
// TRUST_PROXY=1 for one). Only then do X-Forwarded-For and X-Forwarded-Host mean anything:
// without a proxy they are whatever the client chose to send (Next fills them in only when absent).
export function trustedProxyHops(): number {
  const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? (process.env.TRUST_PROXY === "1" ? 1 : 0));
  return Number.isInteger(hops) && hops > 0 ? hops : 0;
}

// The address per-address limits count against when no trusted proxy reports one.
export const DIRECT_ADDRESS = "direct";

// The client's address as our nearest trusted proxy saw it: each proxy appends the address
// it was connected from, so with N proxies the client is the N-th entry from the right; the
// entries left of it were written by the client and prove nothing. Next gives route handlers
// no socket address, so without a trusted proxy every caller is DIRECT_ADDRESS.
export function clientAddress(headers: Headers): string {
  const hops = trustedProxyHops();
  if (!hops) return DIRECT_ADDRESS;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return chain[chain.length - hops] ?? chain[0] ?? DIRECT_ADDRESS;
}
