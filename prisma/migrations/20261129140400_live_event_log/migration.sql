-- CreateTable
CREATE TABLE "LiveEventLog" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "documentIds" TEXT[],
    "type" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveEventLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LiveEventLog_workspaceId_id_idx" ON "LiveEventLog"("workspaceId", "id");

-- CreateIndex
CREATE INDEX "LiveEventLog_createdAt_idx" ON "LiveEventLog"("createdAt");
