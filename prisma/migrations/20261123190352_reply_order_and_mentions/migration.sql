-- AlterTable
ALTER TABLE "Reply" ADD COLUMN     "bodyHtml" TEXT,
ADD COLUMN     "mentionedIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "sequence" BIGSERIAL NOT NULL;
