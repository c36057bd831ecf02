-- Search that behaves the same on every PostgreSQL, whatever the database's character
-- type. Under a C ctype the text-search parser takes curly quotes, dashes and
-- apostrophes for letters ("“no", "russia’"), so text is normalized first by an explicit,
-- locale-independent function: NFKC (compatibility forms such as ⾯ → 面), diacritics
-- removed, lower case (explicit tables for Cyrillic and Greek, which lower() leaves alone
-- under C), every punctuation or symbol character turned into a space, and runs of
-- Chinese, Japanese or Korean characters written as overlapping bigrams so that a
-- two-character query finds them. The vector holds the stemmed words (English, and
-- Russian for Cyrillic) and the unstemmed ones (for prefix matching while typing).

CREATE TEXT SEARCH CONFIGURATION counterpoint (COPY = pg_catalog.russian);

CREATE FUNCTION counterpoint_cjk_bigrams(run text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN length(run) < 2 THEN run
    ELSE (SELECT string_agg(substr(run, i, 2), ' ' ORDER BY i) FROM generate_series(1, length(run) - 1) AS i) END
$$;

CREATE FUNCTION counterpoint_search_text(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  WITH folded AS (
    SELECT translate(
      lower(regexp_replace(normalize(normalize(coalesce(input, ''), NFKC), NFD), '[\u0300-\u036f]', '', 'g')),
      'АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁЂЃЄЅІЇЈЉЊЋЌЎЏΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ',
      'абвгдежзийклмнопрстуфхцчшщъыьэюяёђѓєѕіїјљњћќўџαβγδεζηθικλμνξοπρστυφχψω'
    ) AS t
  ), words AS (
    SELECT regexp_replace(t,
      '[\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u00bf\u00d7\u00f7\u02b9-\u02ff\u2000-\u2bff\u2e00-\u2e7f\u3000-\u303f\ufe10-\ufe6f\uff00-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\ufff0-\uffff\U0001f000-\U0001faff]+',
      ' ', 'g') AS t
    FROM folded
  )
  SELECT coalesce(string_agg(
    CASE WHEN r.m[1] ~ '^[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]' THEN counterpoint_cjk_bigrams(r.m[1]) ELSE r.m[1] END,
    ' ' ORDER BY r.n), '')
  FROM words, regexp_matches(words.t,
    '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+|[^\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+',
    'g') WITH ORDINALITY AS r(m, n)
$$;

CREATE FUNCTION counterpoint_search_vector(input text, weight "char") RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('counterpoint', s) || to_tsvector('simple', s), weight)
  FROM (SELECT counterpoint_search_text(input) AS s) AS normalized
$$;

-- A word being typed: its stemmed form, or any indexed word it begins.
CREATE FUNCTION counterpoint_prefix_query(word text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN s = '' THEN ''::tsquery
    ELSE phraseto_tsquery('counterpoint', s) || to_tsquery('simple', regexp_replace(s, ' +', ' <-> ', 'g') || ':*') END
  FROM (SELECT trim(counterpoint_search_text(word)) AS s) AS normalized
$$;

CREATE OR REPLACE FUNCTION counterpoint_document_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    counterpoint_search_vector(NEW."title", 'A') ||
    counterpoint_search_vector(array_to_string(NEW."authors", ' '), 'B') ||
    counterpoint_search_vector(NEW."text", 'C');
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION counterpoint_annotation_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    counterpoint_search_vector(NEW."body", 'A') ||
    counterpoint_search_vector(array_to_string(NEW."tags", ' '), 'A') ||
    counterpoint_search_vector(NEW."quote", 'B');
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION counterpoint_reply_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" := counterpoint_search_vector(NEW."body", 'A');
  RETURN NEW;
END $$;

-- Re-index what is already stored.
UPDATE "Document" SET "searchVector" =
  counterpoint_search_vector("title", 'A') || counterpoint_search_vector(array_to_string("authors", ' '), 'B') || counterpoint_search_vector("text", 'C');
UPDATE "Annotation" SET "searchVector" =
  counterpoint_search_vector("body", 'A') || counterpoint_search_vector(array_to_string("tags", ' '), 'A') || counterpoint_search_vector("quote", 'B');
UPDATE "Reply" SET "searchVector" = counterpoint_search_vector("body", 'A');
