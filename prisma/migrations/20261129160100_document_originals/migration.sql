-- CreateTable
CREATE TABLE "DocumentOriginal" (
    "revisionId" TEXT NOT NULL,
    "bytes" BYTEA NOT NULL,
    "mediaType" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentOriginal_pkey" PRIMARY KEY ("revisionId")
);

-- AddForeignKey
ALTER TABLE "DocumentOriginal" ADD CONSTRAINT "DocumentOriginal_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "DocumentRevision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
