-- CreateIndex
CREATE INDEX "Document_workspaceId_kind_deletedAt_idx" ON "Document"("workspaceId", "kind", "deletedAt");
