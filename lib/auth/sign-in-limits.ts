import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { consume, peek, RATE_LIMITS } from "@/lib/rate-limit";
import { clientAddress, DIRECT_ADDRESS } from "@/lib/security/forwarded";
import { signInSchema } from "@/lib/validations/user";

// Sign-in limits that a stranger cannot turn against the account's owner.
//
// Only failures count, in four buckets: this email from this address, this address
// (any email), this email (any address), and this browser for this email. A browser
// that has signed in to the account before carries a signed device cookie for it; it
// is judged by its own failures only, so no one else's failing can lock it out. Other
// attempts are refused once this address has failed too often for this email (or at
// all, with a trusted proxy); failures for the email from everywhere only slow the
// answer down, they never refuse the right password from a fresh address.

export type SignInCounts = {
  pair: number; // failures for this email from this address
  address: number; // failures from this address, any email
  email: number; // failures for this email, from anywhere
  device: number | null; // failures from this known browser for this email; null without a device cookie
  addressKnown: boolean; // false without a trusted proxy: every address is DIRECT_ADDRESS
};
export type SignInVerdict = "allow" | "slow" | "block";

export const ADDRESS_LIMIT_FACTOR = 5;
export const SLOW_DOWN_MS = 2_000;

export function signInVerdict(counts: SignInCounts, limit = RATE_LIMITS.signIn.limit): SignInVerdict {
  if (counts.device !== null) return counts.device >= limit ? "block" : "allow";
  if (counts.pair >= limit) return "block";
  // Without a trusted proxy the per-address bucket is everyone's: refusing on it would lock out all.
  if (counts.addressKnown && counts.address >= limit * ADDRESS_LIMIT_FACTOR) return "block";
  if (counts.email >= limit) return "slow";
  return "allow";
}

export type SignInAttempt = { email: string; address: string; deviceId: string | null };

const keys = ({ email, address, deviceId }: SignInAttempt) => ({
  pair: `signin:pair:${address}:${email}`,
  address: `signin:ip:${address}`,
  email: `signin:email:${email}`,
  device: deviceId ? `signin:device:${deviceId}` : null,
});

export async function checkSignIn(attempt: SignInAttempt) {
  const k = keys(attempt);
  const windows = await peek([k.pair, k.address, k.email, ...(k.device ? [k.device] : [])], RATE_LIMITS.signIn);
  const verdict = signInVerdict({
    pair: windows[k.pair]!.count,
    address: windows[k.address]!.count,
    email: windows[k.email]!.count,
    device: k.device ? windows[k.device]!.count : null,
    addressKnown: attempt.address !== DIRECT_ADDRESS,
  });
  const retryAfterSeconds = Math.max(...Object.values(windows).map((window) => window.retryAfterSeconds));
  return { verdict, retryAfterSeconds };
}

export async function recordSignInFailure(attempt: SignInAttempt): Promise<void> {
  const k = keys(attempt);
  for (const key of [k.pair, k.address, k.email, k.device]) if (key) await consume(key, RATE_LIMITS.signIn);
}

// --- The device cookie: "this browser has signed in as this email before". ---

const secret = () => process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET ?? "";
export const deviceCookieName = (email: string) =>
  `cp-signin-device-${createHash("sha256").update(email).digest("hex").slice(0, 16)}`;
const deviceMac = (deviceId: string, email: string) =>
  createHmac("sha256", secret()).update(`signin-device:${deviceId}:${email}`).digest("base64url");

export function deviceFromCookies(cookieHeader: string | null, email: string): string | null {
  if (!secret()) return null;
  const name = deviceCookieName(email);
  const value = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  const [deviceId, mac] = (value ?? "").split(".");
  if (!deviceId || !mac) return null;
  const expected = Buffer.from(deviceMac(deviceId, email));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? deviceId : null;
}

export function deviceCookie(email: string, deviceId = randomBytes(16).toString("base64url")): string {
  const secure = process.env.NEXTAUTH_URL?.startsWith("https://") ? "; Secure" : "";
  return `${deviceCookieName(email)}=${deviceId}.${deviceMac(deviceId, email)}; Path=/api/auth; Max-Age=31536000; HttpOnly; SameSite=Lax${secure}`;
}

// --- Around next-auth's credentials callback, where the answer is made. ---

const signedIn = (response: Response) =>
  response.headers.getSetCookie().some((cookie) => /next-auth\.session-token(\.\d+)?=[^;]/.test(cookie));

function rateLimited(request: Request, retryAfterSeconds: number): Response {
  const origin = process.env.NEXTAUTH_URL ?? new URL(request.url).origin;
  const message = `Too many sign-in attempts. Try again in ${retryAfterSeconds} seconds.`;
  // `url` is what next-auth's client reads the error from.
  return Response.json(
    { url: `${origin.replace(/\/$/, "")}/api/auth/error?error=RateLimited`, error: { code: "rate_limited", message } },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}

export async function withSignInLimits(request: Request, signIn: () => Promise<Response>): Promise<Response> {
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const parsed = signInSchema.safeParse({ email: form?.get("email"), password: form?.get("password") });
  if (!parsed.success) return signIn(); // next-auth refuses it without looking anyone up
  const { email } = parsed.data;
  const attempt = {
    email,
    address: clientAddress(request.headers),
    deviceId: deviceFromCookies(request.headers.get("cookie"), email),
  };
  const { verdict, retryAfterSeconds } = await checkSignIn(attempt);
  if (verdict === "block") return rateLimited(request, retryAfterSeconds);
  if (verdict === "slow") await new Promise((resolve) => setTimeout(resolve, SLOW_DOWN_MS));
  const response = await signIn();
  if (signedIn(response)) {
    if (!attempt.deviceId) response.headers.append("Set-Cookie", deviceCookie(email));
    return response;
  }
  await recordSignInFailure(attempt);
  return response;
}
