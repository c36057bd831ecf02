-- AlterTable
ALTER TABLE "DocumentRevision" ADD COLUMN     "blocks" JSONB,
ADD COLUMN     "pageCount" INTEGER;
