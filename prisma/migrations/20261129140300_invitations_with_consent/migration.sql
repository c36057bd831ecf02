-- CreateEnum
CREATE TYPE "InvitationStatus" AS ENUM ('pending', 'accepted', 'declined');

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "importedFrom" JSONB;

-- AlterTable (invitations from before consent get a fresh unknown token and 14 days to be accepted)
ALTER TABLE "Invitation" ADD COLUMN     "expiresAt" TIMESTAMPTZ(3),
ADD COLUMN     "respondedAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "InvitationStatus" NOT NULL DEFAULT 'pending',
ADD COLUMN     "tokenHash" TEXT;
UPDATE "Invitation" SET "expiresAt" = now() + interval '14 days',
  "tokenHash" = encode(sha256(convert_to(gen_random_uuid()::text || id, 'UTF8')), 'hex');
ALTER TABLE "Invitation" ALTER COLUMN "expiresAt" SET NOT NULL, ALTER COLUMN "tokenHash" SET NOT NULL;

-- AlterTable
ALTER TABLE "PassageLink" ADD COLUMN     "importedFrom" JSONB;

-- AlterTable
ALTER TABLE "Reply" ADD COLUMN     "importedFrom" JSONB;

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
