import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withSignInLimits } from "@/lib/auth/sign-in-limits";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth?: string[] }> };

export { handler as GET };

// Password sign-in answers 429 with Retry-After when limited, so the limits are
// checked here, around next-auth's credentials callback, not inside authorize().
export async function POST(request: Request, context: Context): Promise<Response> {
  const [action, provider] = (await context.params).nextauth ?? [];
  if (action === "callback" && provider === "credentials")
    return withSignInLimits(request, () => handler(request, context));
  return handler(request, context);
}
