-- CreateIndex
CREATE INDEX "Annotation_workspaceId_featuredAt_idx" ON "Annotation"("workspaceId", "featuredAt" DESC);
