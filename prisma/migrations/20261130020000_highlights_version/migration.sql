-- CreateTable
CREATE TABLE "DocumentHighlightsVersion" (
    "documentId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DocumentHighlightsVersion_pkey" PRIMARY KEY ("documentId")
);

-- The highlights' version per document: bumped in the writing transaction by every statement
-- that writes annotations, once per document it touched (in a fixed order, so concurrent
-- writers never deadlock on the counters). The reader keeps its digest of the highlights per
-- (document, version).
CREATE FUNCTION counterpoint_annotations_changed_highlights_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DocumentHighlightsVersion" ("documentId", "version")
    SELECT document, 1 FROM (SELECT DISTINCT "documentId" AS document FROM changed ORDER BY 1) AS touched
  ON CONFLICT ("documentId") DO UPDATE SET "version" = "DocumentHighlightsVersion"."version" + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER "Annotation_highlights_version_insert" AFTER INSERT ON "Annotation"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION counterpoint_annotations_changed_highlights_version();
CREATE TRIGGER "Annotation_highlights_version_delete" AFTER DELETE ON "Annotation"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION counterpoint_annotations_changed_highlights_version();

-- An update (any column: transition tables allow no column list) counts for the document a
-- passage was in and the one it is in now.
CREATE FUNCTION counterpoint_annotations_updated_highlights_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "DocumentHighlightsVersion" ("documentId", "version")
    SELECT document, 1 FROM (
      SELECT "documentId" AS document FROM old_rows UNION SELECT "documentId" FROM new_rows ORDER BY 1
    ) AS touched
  ON CONFLICT ("documentId") DO UPDATE SET "version" = "DocumentHighlightsVersion"."version" + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER "Annotation_highlights_version_update" AFTER UPDATE ON "Annotation"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION counterpoint_annotations_updated_highlights_version();
