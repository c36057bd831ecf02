import "server-only";
import { db } from "@/lib/db";
import { NOTIFICATION_KINDS, type NotificationKind } from "@/lib/notifications/kinds";
import { getDeliverySettings, setDeliverySettings, type DeliverySettings } from "./delivery-settings";
import { verifyUnsubscribeToken, type UnsubscribeClaim, type UnsubscribeScope } from "./unsubscribe-token";

// What an unsubscribe link may do, checked before anything is shown or changed.
export async function readUnsubscribeLink(token: string): Promise<(UnsubscribeClaim & { email: string }) | null> {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) return null;
  const user = await db.user.findUnique({ where: { id: claim.userId }, select: { email: true } });
  return user ? { ...claim, email: user.email } : null;
}

// The kinds a scope turns to "never": one kind; every kind now in the digest; or all.
function kindsFor(scope: UnsubscribeScope, current: DeliverySettings): NotificationKind[] {
  if (scope === "all") return [...NOTIFICATION_KINDS];
  if (scope === "digest") return NOTIFICATION_KINDS.filter((kind) => current[kind] === "digest");
  return [scope];
}

// Unsubscribes the link's person from its scope (or from everything, when `all`); returns
// what changed, or null when the link is not valid. Repeating it changes nothing more.
export async function unsubscribe(token: string, { all = false } = {}) {
  const claim = verifyUnsubscribeToken(token);
  if (!claim) return null;
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: claim.userId }, select: { id: true } });
    if (!user) return null;
    const scope: UnsubscribeScope = all ? "all" : claim.scope;
    const kinds = kindsFor(scope, await getDeliverySettings(user.id, tx));
    const delivery = await setDeliverySettings(
      user.id,
      Object.fromEntries(kinds.map((kind) => [kind, "never" as const])),
      tx,
    );
    return { scope, kinds, delivery };
  });
}
