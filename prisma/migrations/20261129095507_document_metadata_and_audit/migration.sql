-- CreateEnum
CREATE TYPE "DatePrecision" AS ENUM ('year', 'month', 'day');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ModerationActionType" ADD VALUE 'document-delete';
ALTER TYPE "ModerationActionType" ADD VALUE 'document-revise';

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "metadataVersion" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "publishedPrecision" "DatePrecision" NOT NULL DEFAULT 'day';
