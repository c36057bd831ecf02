// OpenAPI paths and schemas for documents, annotations, search and Markdown preview.
import {
  annotationFiltersSchema,
  createAnnotationSchema,
  markdownPreviewSchema,
  updateAnnotationSchema,
} from "@/lib/validations/annotation";
import { searchQuerySchema } from "@/lib/validations/search";
import { createDocumentSchema, replaceTextSchema, updateDocumentSchema } from "@/lib/validations/document";
import { errors, jsonBody, jsonResponse, listOf, pageParams, pathId, ref, schema } from "./helpers";

const queryParams = (zodSchema: Parameters<typeof schema>[0]) =>
  Object.entries((schema(zodSchema) as { properties?: Record<string, object> }).properties ?? {}).map(
    ([name, property]) => ({ name, in: "query", required: false, schema: property }),
  );

const upload = {
  type: "object",
  required: ["file"],
  properties: {
    file: {
      type: "string",
      format: "binary",
      description: ".txt, .md, .html, .pdf (with a text layer) or .docx; at most 10 MiB",
    },
    title: { type: "string" },
    authors: { type: "string", description: "Comma- or newline-separated" },
    sourceUrl: { type: "string", format: "uri" },
    publishedAt: { type: "string", description: "A year (2023), a month (2023-09) or a date (2023-09-15)" },
    allowDuplicate: {
      type: "string",
      enum: ["true", "false"],
      description: "`true` imports a text the workspace already holds (else 409 `duplicate`)",
    },
  },
};

const SEARCH_DESCRIPTION =
  '`q` uses web search syntax: words, "a phrase" (straight or curly quotes), OR, -exclude; the last word of a query ' +
  "without a trailing space also matches as a prefix (search as you type). Words are split at punctuation whatever " +
  "the server's locale, diacritics are folded, Cyrillic is stemmed, and Chinese, Japanese and Korean text is indexed " +
  "in two-character pieces so a two-character query finds it. Hidden items are found only by moderators, pending ones " +
  "also by their authors. `snippetHtml`, `titleHtml` and `quoteHtml` are escaped plain text with <mark> around " +
  "matches; a document's `match` is the first match in code points (the reader scrolls to it with `?match=start-end`). " +
  "Page with `cursor` = the previous page's `nextCursor`. Documents are ranked by their best passage (and title): " +
  "at most the first 100 matching passages and 200 annotations or replies are ranked; further pages continue " +
  "with the remaining matches unranked, and `counts` then says `isEstimate` (a lower bound).";

export const DOCUMENT_PATHS = {
  "/api/v1/workspaces/{id}/documents": {
    get: {
      summary: "Documents of a workspace, newest first, or sorted and filtered",
      description:
        "`sort`: `added` (newest first, the default), `published` (newest publication first, undated last) or `title`. " +
        "Filters: `format` (text, markdown, html, pdf, docx), `author` (exactly as named on the document), `from` and `to` " +
        "(years of publication, inclusive), `discussed=yes|no` (has a passage the caller sees, or none). `total` is how " +
        "many documents match.",
      parameters: [
        pathId("id"),
        ...pageParams,
        {
          name: "sort",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["added", "published", "title"] },
        },
        {
          name: "format",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["text", "markdown", "html", "pdf", "docx"] },
        },
        { name: "author", in: "query", required: false, schema: { type: "string" } },
        { name: "from", in: "query", required: false, schema: { type: "integer" } },
        { name: "to", in: "query", required: false, schema: { type: "integer" } },
        { name: "discussed", in: "query", required: false, schema: { type: "string", enum: ["yes", "no"] } },
      ],
      responses: {
        "200": {
          description: "Documents",
          content: {
            "application/json": {
              schema: {
                ...listOf("DocumentListItem"),
                properties: { ...listOf("DocumentListItem").properties, total: { type: "integer" } },
              },
            },
          },
        },
        ...errors(400, 401, 404),
      },
    },
    post: {
      summary: "Import a document: JSON with text, markdown, html or url, or a multipart upload with `file`",
      description:
        'Metadata (title, authors, date, source) is detected from the source where it declares it; fields sent here win. Unicode is kept exactly. The file is read in a separate process with a deadline and a memory cap: one that nests too deeply, takes too long or needs too much memory is a 422 "This file is too complex to import: …"; 503 when every import process is busy for too long. ' +
        "A text the workspace already holds (the same canonical text as a document there, however it was sent) is a 409 with `error.code` `duplicate` and `error.existingId`, the document that holds it, unless `allowDuplicate` is true (JSON field, form field or query parameter). Identical imports sent at once: one is imported, the others are duplicates. " +
        "With `url` the server fetches the article and imports it like an uploaded file (HTML, PDF or plain text), keeping the address as `sourceUrl`: only http(s), at most 5 redirects (each checked again), within 15 s and 10 MiB; addresses that resolve to private, loopback or link-local networks are refused. Failures are 4xx with `error.reason`: 422 `scheme`, `invalid_url`, `refused_address`, `unreachable`, `timeout`, `remote_status`, `too_many_redirects`; 413 `too_large`; 415 `unsupported_type`.",
      parameters: [
        pathId("id"),
        {
          name: "allowDuplicate",
          in: "query",
          required: false,
          schema: { type: "boolean", default: false },
          description: "Import even when the workspace already holds this text",
        },
      ],
      requestBody: {
        required: true,
        content: { "application/json": { schema: ref("CreateDocument") }, "multipart/form-data": { schema: upload } },
      },
      responses: {
        "201": jsonResponse("Imported", "Document"),
        ...errors(400, 401, 403, 404, 409, 413, 415, 422, 503),
      },
    },
  },
  "/api/v1/documents/{id}": {
    get: {
      summary: "A document with its canonical text (selectors point into it) and its structure (blocks, pageCount)",
      parameters: [pathId("id")],
      responses: { "200": jsonResponse("Document", "DocumentWithText"), ...errors(401, 404) },
    },
    patch: {
      summary:
        "Correct title, authors, source or date (importer or moderator); `metadataVersion` guards against stale edits",
      description:
        "Send the `metadataVersion` you loaded: a concurrent edit of the details makes it stale (409). `version` (the text's) is optional; " +
        "when sent, an edit made over a text that has since been revised is refused too. Editing details never changes `version`.",
      parameters: [pathId("id")],
      requestBody: jsonBody("UpdateDocument"),
      responses: { "200": jsonResponse("Updated", "Document"), ...errors(400, 401, 403, 404, 409) },
    },
    delete: {
      summary: "Delete a document (importer or moderator)",
      parameters: [pathId("id")],
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) },
    },
  },
  "/api/v1/documents/{id}/original": {
    get: {
      summary: "The file the current revision was imported from, byte for byte",
      description:
        "Sent as an attachment with the media type of the format it was read as, `X-Content-Type-Options: nosniff` and an ETag (the file's SHA-256; `If-None-Match` answers 304). " +
        "404 when the current revision was not imported from a file (pasted text) or you may not read the document.",
      parameters: [pathId("id")],
      responses: {
        "200": {
          description: "The uploaded file",
          headers: {
            ETag: { schema: { type: "string" } },
            "Content-Disposition": { schema: { type: "string" } },
          },
          content: {
            "application/pdf": { schema: { type: "string", format: "binary" } },
            "application/octet-stream": { schema: { type: "string", format: "binary" } },
          },
        },
        "304": { description: "Not modified (If-None-Match)" },
        ...errors(401, 404),
      },
    },
  },
  "/api/v1/documents/{id}/text": {
    put: {
      summary: "Upload a new revision and re-anchor every annotation",
      description:
        "Annotations follow their passages through a word diff of the two revisions; edited passages are re-anchored and marked `moved`; passages that vanished are " +
        "searched for elsewhere (exact, then fuzzy with context) and otherwise become `orphaned`, keeping their quote. Links resting on moved or orphaned passages are flagged for review.",
      parameters: [pathId("id")],
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: ref("ReplaceText") },
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file", "version"],
              properties: { file: { type: "string", format: "binary" }, version: { type: "integer" } },
            },
          },
        },
      },
      responses: {
        "200": jsonResponse("New revision", "Revision"),
        ...errors(400, 401, 403, 404, 409, 413, 415, 422, 503),
      },
    },
  },
  "/api/v1/documents/{id}/annotations": {
    get: {
      summary:
        "Annotations of a document in reading order (hidden ones only for moderators); all at once, or pages of `limit` (≤ 1000) followed by `cursor` = the previous nextCursor",
      parameters: [pathId("id"), ...queryParams(annotationFiltersSchema)],
      responses: {
        "200": { description: "Annotations", content: { "application/json": { schema: listOf("Annotation") } } },
        ...errors(400, 401, 404),
      },
    },
    post: {
      summary: "Annotate a passage (W3C TextQuoteSelector and/or TextPositionSelector, code-point offsets)",
      parameters: [pathId("id")],
      requestBody: jsonBody("CreateAnnotation"),
      responses: { "201": jsonResponse("Created", "Annotation"), ...errors(400, 401, 403, 404, 422) },
    },
  },
  "/api/v1/annotations/{id}": {
    get: {
      summary: "An annotation",
      parameters: [pathId("id")],
      responses: { "200": jsonResponse("Annotation", "Annotation"), ...errors(401, 404) },
    },
    patch: {
      summary: "Edit body, tags or color (author or moderator); `version` guards against stale edits",
      parameters: [pathId("id")],
      requestBody: jsonBody("UpdateAnnotation"),
      responses: { "200": jsonResponse("Updated", "Annotation"), ...errors(400, 401, 403, 404, 409) },
    },
    delete: {
      summary: "Delete an annotation (author or moderator)",
      parameters: [pathId("id")],
      responses: { "204": { description: "Deleted" }, ...errors(401, 403, 404) },
    },
  },
  "/api/v1/workspaces/{id}/search": {
    get: {
      summary: "Search one workspace: documents, annotations and replies, ranked, with highlighted snippets",
      description: SEARCH_DESCRIPTION,
      parameters: [
        pathId("id"),
        ...queryParams(searchQuerySchema).filter((parameter) => parameter.name !== "workspaceId"),
      ],
      responses: { "200": jsonResponse("Results", "SearchResults"), ...errors(400, 401, 404) },
    },
  },
  "/api/v1/search": {
    get: {
      summary: "Search every workspace the caller may read (members' workspaces and public ones), or one of them",
      description: SEARCH_DESCRIPTION,
      parameters: queryParams(searchQuerySchema),
      responses: { "200": jsonResponse("Results", "SearchResults"), ...errors(400, 401) },
    },
  },
  "/api/v1/workspaces/{id}/tags": {
    get: {
      summary: "Tags in use in the workspace, most used first",
      parameters: [pathId("id")],
      responses: {
        "200": jsonResponse("Tags", "TagList"),
        ...errors(401, 404),
      },
    },
  },
  "/api/v1/markdown/preview": {
    post: {
      summary: "Render Markdown with the sanitizer the app uses",
      description:
        '422 "This text is too complex to format: …" when its quotes or lists nest too deeply or rendering it takes too long (comments, replies and rationales are refused alike when written).',
      requestBody: jsonBody("MarkdownPreview"),
      responses: {
        "200": jsonResponse("Sanitized HTML", "MarkdownPreviewResult"),
        ...errors(400, 401, 422, 503),
      },
    },
  },
};

export const DOCUMENT_SCHEMAS = {
  CreateDocument: schema(createDocumentSchema),
  UpdateDocument: schema(updateDocumentSchema),
  ReplaceText: schema(replaceTextSchema),
  CreateAnnotation: schema(createAnnotationSchema),
  UpdateAnnotation: schema(updateAnnotationSchema),
  MarkdownPreview: schema(markdownPreviewSchema),
};
