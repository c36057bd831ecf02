-- CreateTable
CREATE TABLE "WorkspaceMapVersion" (
    "workspaceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "WorkspaceMapVersion_pkey" PRIMARY KEY ("workspaceId")
);

-- The debate map's version per workspace: bumped in the writing transaction by every change
-- that can change the map's overview, so the overview can be cached per (workspace, version).
CREATE FUNCTION counterpoint_bump_map_version(workspace text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "WorkspaceMapVersion" ("workspaceId", "version") VALUES (workspace, 1)
  ON CONFLICT ("workspaceId") DO UPDATE SET "version" = "WorkspaceMapVersion"."version" + 1;
$$;

-- Links written or deleted (also by a cascade from a passage, a document or a workspace): once
-- per statement and workspace. Both triggers name their transition table `changed`.
CREATE FUNCTION counterpoint_links_changed_map_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM counterpoint_bump_map_version(workspace)
    FROM (SELECT DISTINCT "workspaceId" AS workspace FROM changed ORDER BY 1) AS touched;
  RETURN NULL;
END $$;
CREATE TRIGGER "PassageLink_map_version_insert" AFTER INSERT ON "PassageLink"
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION counterpoint_links_changed_map_version();
CREATE TRIGGER "PassageLink_map_version_delete" AFTER DELETE ON "PassageLink"
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION counterpoint_links_changed_map_version();

-- A link hidden, restored, soft-deleted, retyped or given other ends (merges).
CREATE FUNCTION counterpoint_link_updated_map_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM counterpoint_bump_map_version(OLD."workspaceId");
  IF NEW."workspaceId" IS DISTINCT FROM OLD."workspaceId" THEN
    PERFORM counterpoint_bump_map_version(NEW."workspaceId");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "PassageLink_map_version_update"
  AFTER UPDATE OF "status", "deletedAt", "relation", "fromAnnotationId", "toAnnotationId", "workspaceId"
  ON "PassageLink" FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt"
    OR OLD."relation" IS DISTINCT FROM NEW."relation" OR OLD."fromAnnotationId" IS DISTINCT FROM NEW."fromAnnotationId"
    OR OLD."toAnnotationId" IS DISTINCT FROM NEW."toAnnotationId" OR OLD."workspaceId" IS DISTINCT FROM NEW."workspaceId")
  EXECUTE FUNCTION counterpoint_link_updated_map_version();

-- A passage at an end of a link hidden, restored, deleted or moved to another document (web sources).
CREATE FUNCTION counterpoint_passage_updated_map_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "PassageLink" WHERE "fromAnnotationId" = NEW.id)
     OR EXISTS (SELECT 1 FROM "PassageLink" WHERE "toAnnotationId" = NEW.id) THEN
    PERFORM counterpoint_bump_map_version(NEW."workspaceId");
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "Annotation_map_version_update"
  AFTER UPDATE OF "status", "deletedAt", "documentId" ON "Annotation" FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt"
    OR OLD."documentId" IS DISTINCT FROM NEW."documentId")
  EXECUTE FUNCTION counterpoint_passage_updated_map_version();

-- A document renamed (its cluster's title) or deleted.
CREATE FUNCTION counterpoint_document_updated_map_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM counterpoint_bump_map_version(NEW."workspaceId");
  RETURN NULL;
END $$;
CREATE TRIGGER "Document_map_version_update"
  AFTER UPDATE OF "title", "deletedAt" ON "Document" FOR EACH ROW
  WHEN (OLD."title" IS DISTINCT FROM NEW."title" OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt")
  EXECUTE FUNCTION counterpoint_document_updated_map_version();
