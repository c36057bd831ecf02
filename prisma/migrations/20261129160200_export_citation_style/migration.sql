-- The bibliography style of a background report export (apa, chicago).
ALTER TABLE "ExportJob" ADD COLUMN "citationStyle" TEXT NOT NULL DEFAULT 'apa';
