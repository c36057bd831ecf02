-- AlterTable
ALTER TABLE "PassageLink" ADD COLUMN     "rationaleHtml" TEXT;
