import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { buttonClass } from "@/components/ui/button";
import { readUnsubscribeLink } from "@/lib/mail/unsubscribe";
import { oneClickUnsubscribePath, type UnsubscribeScope } from "@/lib/mail/unsubscribe-token";
import { KIND_LABELS } from "@/lib/notifications/kind-labels";

export const metadata = { title: "Unsubscribe" };

const describeScope = (scope: UnsubscribeScope) =>
  scope === "all" ? "all email" : scope === "digest" ? "the daily digest" : `email about ${KIND_LABELS[scope].about}`;

// The page behind every mail's unsubscribe link. Opening it changes nothing (mail scanners
// open links); the buttons post to the one-click endpoint, which needs no sign-in.
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const [{ token }, { done }] = await Promise.all([params, searchParams]);
  const link = await readUnsubscribeLink(token);
  if (!link)
    return (
      <AuthCard title="This link has expired" subtitle="Unsubscribe links work for 60 days.">
        <p className="text-sm text-stone-600 dark:text-stone-400">
          Sign in and choose which emails you get in{" "}
          <Link className="font-medium text-accent-600 underline" href="/settings/notifications">
            your notification settings
          </Link>
          .
        </p>
      </AuthCard>
    );
  if (done === "all" || done === link.scope)
    return (
      <AuthCard title="Unsubscribed" subtitle={link.email}>
        <p role="status" className="text-sm text-stone-600 dark:text-stone-400">
          You will no longer receive {describeScope(done as UnsubscribeScope)}. Notifications still appear in the app.
          You can change this any time in{" "}
          <Link className="font-medium text-accent-600 underline" href="/settings/notifications">
            your notification settings
          </Link>
          .
        </p>
      </AuthCard>
    );
  const action = oneClickUnsubscribePath(token);
  return (
    <AuthCard title="Unsubscribe" subtitle={link.email}>
      <div className="space-y-3">
        {link.scope !== "all" ? (
          <form method="post" action={action}>
            <input type="hidden" name="from" value="page" />
            <button type="submit" className={`${buttonClass("primary")} w-full`}>
              Stop {describeScope(link.scope)}
            </button>
          </form>
        ) : null}
        <form method="post" action={action}>
          <input type="hidden" name="from" value="page" />
          <input type="hidden" name="scope" value="all" />
          <button type="submit" className={`${buttonClass(link.scope === "all" ? "primary" : "secondary")} w-full`}>
            Stop all email from Counterpoint
          </button>
        </form>
      </div>
    </AuthCard>
  );
}
