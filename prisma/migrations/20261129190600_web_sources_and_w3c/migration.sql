-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('document', 'webSource');

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "canonical" TEXT,
ADD COLUMN     "via" TEXT;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "kind" "DocumentKind" NOT NULL DEFAULT 'document';

-- CreateIndex
CREATE INDEX "Document_workspaceId_sourceUrl_idx" ON "Document"("workspaceId", "sourceUrl");
