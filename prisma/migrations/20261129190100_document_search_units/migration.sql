-- CreateTable
CREATE TABLE "DocumentSearchUnit" (
    "documentId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "vector" tsvector NOT NULL,

    CONSTRAINT "DocumentSearchUnit_pkey" PRIMARY KEY ("documentId","ordinal")
);

-- CreateIndex
CREATE INDEX "DocumentSearchUnit_vector_idx" ON "DocumentSearchUnit" USING GIN ("vector");

-- AddForeignKey
ALTER TABLE "DocumentSearchUnit" ADD CONSTRAINT "DocumentSearchUnit_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: passages of a few hundred words, cut at line breaks (or, inside a very
-- long line, after a space), as [start, end) code-point ranges that cover the whole text.
CREATE FUNCTION counterpoint_search_units(body text) RETURNS TABLE (unit_start integer, unit_end integer)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  target constant integer := 1500;
  piece text;
  piece_length integer;
  word text;
  at integer := 0;        -- where the current piece starts
  unit_from integer := 0; -- where the unit being gathered starts
  position_in integer;
BEGIN
  FOR piece IN SELECT m[1] FROM regexp_matches(coalesce(body, ''), '([^\n]*\n*)', 'g') AS m LOOP
    piece_length := length(piece);
    CONTINUE WHEN piece_length = 0;
    IF piece_length > 2 * target THEN
      -- A very long line: cut after a space, word by word (one pass, no substr walks).
      position_in := at;
      FOR word IN SELECT regexp_split_to_table(piece, ' ') LOOP
        position_in := least(position_in + length(word) + 1, at + piece_length);
        IF position_in - unit_from >= target THEN
          unit_start := unit_from; unit_end := position_in; RETURN NEXT;
          unit_from := position_in;
        END IF;
      END LOOP;
    END IF;
    at := at + piece_length;
    IF at - unit_from >= target THEN
      unit_start := unit_from; unit_end := at; RETURN NEXT;
      unit_from := at;
    END IF;
  END LOOP;
  IF at > unit_from THEN
    unit_start := unit_from; unit_end := at; RETURN NEXT;
  END IF;
END $$;

-- A document's units, rewritten whenever its title, authors, text, workspace or deletion
-- changes; a deleted document has none (and Document's ON DELETE CASCADE removes them).
CREATE FUNCTION counterpoint_write_search_units(doc "Document") RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "DocumentSearchUnit" WHERE "documentId" = doc.id;
  IF doc."deletedAt" IS NOT NULL THEN RETURN; END IF;
  INSERT INTO "DocumentSearchUnit" ("documentId", ordinal, "workspaceId", start, "end", vector)
  VALUES (doc.id, 0, doc."workspaceId", 0, 0,
          counterpoint_search_vector(doc.title, 'A') || counterpoint_search_vector(array_to_string(doc.authors, ' '), 'B'));
  INSERT INTO "DocumentSearchUnit" ("documentId", ordinal, "workspaceId", start, "end", vector)
  SELECT doc.id, row_number() OVER (ORDER BY u.unit_start), doc."workspaceId", u.unit_start, u.unit_end,
         counterpoint_search_vector(substr(doc.text, u.unit_start + 1, u.unit_end - u.unit_start), 'C')
  FROM counterpoint_search_units(doc.text) u;
END $$;

CREATE FUNCTION counterpoint_document_search_units() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM counterpoint_write_search_units(NEW);
  RETURN NULL;
END $$;

CREATE TRIGGER "Document_search_units" AFTER INSERT OR UPDATE OF "title", "authors", "text", "workspaceId", "deletedAt"
  ON "Document" FOR EACH ROW EXECUTE FUNCTION counterpoint_document_search_units();

-- Backfill what is already stored.
SELECT counterpoint_write_search_units(d) FROM "Document" d WHERE d."deletedAt" IS NULL;
