import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  DEFAULT_DELIVERY,
  DELIVERY_MODES,
  NOTIFICATION_KINDS,
  type DeliveryMode,
  type NotificationKind,
} from "@/lib/notifications/kinds";
import { isMailEnabled } from "./config";

export type DeliverySettings = Record<NotificationKind, DeliveryMode>;

const isMode = (value: string): value is DeliveryMode => (DELIVERY_MODES as readonly string[]).includes(value);

// A person's mode for every kind: their choice where they made one, else DEFAULT_DELIVERY.
export function deliveryFrom(rows: { kind: string; delivery: string }[]): DeliverySettings {
  const settings = { ...DEFAULT_DELIVERY };
  for (const row of rows)
    if ((NOTIFICATION_KINDS as readonly string[]).includes(row.kind) && isMode(row.delivery))
      settings[row.kind as NotificationKind] = row.delivery;
  return settings;
}

export async function getDeliverySettings(
  userId: string,
  client: Prisma.TransactionClient = db,
): Promise<DeliverySettings> {
  return deliveryFrom(
    await client.notificationSetting.findMany({ where: { userId }, select: { kind: true, delivery: true } }),
  );
}

// Stores the kinds named (the others keep theirs), in one transaction.
export async function setDeliverySettings(
  userId: string,
  changes: Partial<DeliverySettings>,
  tx?: Prisma.TransactionClient,
): Promise<DeliverySettings> {
  const entries = Object.entries(changes) as [NotificationKind, DeliveryMode][];
  const write = async (tx: Prisma.TransactionClient) => {
    for (const [kind, delivery] of entries)
      await tx.notificationSetting.upsert({
        where: { userId_kind: { userId, kind } },
        create: { userId, kind, delivery },
        update: { delivery },
      });
    return getDeliverySettings(userId, tx);
  };
  return tx ? write(tx) : db.$transaction(write);
}

export async function presentDeliverySettings(userId: string) {
  return { delivery: await getDeliverySettings(userId), emailEnabled: isMailEnabled() };
}

// The same rule as SQL, for sweeps over many people: a notification's effective mode, from
// the recipient's setting (a LEFT JOIN of "NotificationSetting" as `s`) or the default.
export function effectiveDeliverySql(notification: string, setting: string): Prisma.Sql {
  const defaults = Prisma.join(
    NOTIFICATION_KINDS.map((kind) => Prisma.sql`WHEN ${kind} THEN ${DEFAULT_DELIVERY[kind]}`),
    " ",
  );
  return Prisma.sql`COALESCE(${Prisma.raw(`${setting}.delivery`)}, CASE ${Prisma.raw(`${notification}.kind`)} ${defaults} END)`;
}
