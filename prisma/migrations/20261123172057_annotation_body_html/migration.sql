-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "bodyHtml" TEXT;
