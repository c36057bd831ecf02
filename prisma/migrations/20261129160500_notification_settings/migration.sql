-- CreateTable
CREATE TABLE "NotificationSetting" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "delivery" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationSetting_pkey" PRIMARY KEY ("userId","kind")
);

-- AddForeignKey
ALTER TABLE "NotificationSetting" ADD CONSTRAINT "NotificationSetting_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- Hand-written: the modes are lib/notifications/kinds.ts's DELIVERY_MODES.
ALTER TABLE "NotificationSetting" ADD CONSTRAINT "NotificationSetting_delivery_check" CHECK ("delivery" IN ('instant', 'digest', 'never'));
