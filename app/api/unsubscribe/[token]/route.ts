import { apiRoute } from "@/lib/api/route";
import { json } from "@/lib/api/respond";
import { AppError } from "@/lib/errors";
import { unsubscribe } from "@/lib/mail/unsubscribe";
import { unsubscribePath } from "@/lib/mail/unsubscribe-token";

// Unsubscribes without signing in: the signed, expiring token in the path is the credential.
// Mail clients send the one-click POST of RFC 8058 here (`List-Unsubscribe=One-Click`); the
// confirmation page's form posts here too, with `scope=all` to stop every mail. A GET
// changes nothing (mail scanners prefetch links): it is the page at /unsubscribe/{token}.
export const POST = apiRoute<{ token: string }>(async ({ request, params }) => {
  const form = await readForm(request);
  const done = await unsubscribe(params.token, { all: form.get("scope") === "all" });
  if (!done) throw new AppError("not_found", "This unsubscribe link is not valid or has expired.");
  // A browser's form post goes back to the page, which says what was done.
  if (form.get("from") === "page")
    return new Response(null, {
      status: 303,
      headers: { Location: `${unsubscribePath(params.token)}?done=${done.scope}` },
    });
  return json({ scope: done.scope, delivery: done.delivery });
});

async function readForm(request: Request): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) return new URLSearchParams();
  const text = await request.text();
  return new URLSearchParams(text.slice(0, 1_000));
}
