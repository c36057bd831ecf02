-- CreateIndex
CREATE INDEX "Document_workspaceId_contentHash_idx" ON "Document"("workspaceId", "contentHash");
