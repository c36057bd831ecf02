// OpenAPI paths and schemas for documents, annotations, search and Markdown preview.
import {
  annotationFiltersSchema,
  createAnnotationSchema,
  markdownPreviewSchema,
  updateAnnotationSchema,
} from "@/lib/validations/annotation";
import { STANCES } from "@/lib/validations/debate";
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
  },
};

const SEARCH_DESCRIPTION =
  '`q` uses web search syntax: words, "a phrase" (straight or curly quotes), OR, -exclude; the last word of a query ' +
  "without a trailing space also matches as a prefix (search as you type). Words are split at punctuation whatever " +
  "the server's locale, diacritics are folded, Cyrillic is stemmed, and Chinese, Japanese and Korean text is indexed " +
  "in two-character pieces so a two-character query finds it. Hidden items are found only by moderators, pending ones " +
  "also by their authors. `snippetHtml`, `titleHtml` and `quoteHtml` are escaped plain text with <mark> around " +
  "matches; a document's `match` is the first match in code points (the reader scrolls to it with `?match=start-end`). " +
  "Page with `cursor` = the previous page's `nextCursor`.";

export const DOCUMENT_PATHS = {
  "/api/v1/workspaces/{id}/documents": {
    get: {
      summary: "Documents of a workspace, newest first",
      parameters: [pathId("id"), ...pageParams],
      responses: {
        "200": { description: "Documents", content: { "application/json": { schema: listOf("Document") } } },
        ...errors(400, 401, 404),
      },
    },
    post: {
      summary: "Import a document: JSON with text, markdown or html, or a multipart upload with `file`",
      description:
        "Metadata (title, authors, date, source) is detected from the source where it declares it; fields sent here win. Unicode is kept exactly.",
      parameters: [pathId("id")],
      requestBody: {
        required: true,
        content: { "application/json": { schema: ref("CreateDocument") }, "multipart/form-data": { schema: upload } },
      },
      responses: { "201": jsonResponse("Imported", "Document"), ...errors(400, 401, 403, 404, 413, 415, 422) },
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
      responses: { "200": jsonResponse("New revision", "Revision"), ...errors(400, 401, 403, 404, 409, 413, 415, 422) },
    },
  },
  "/api/v1/documents/{id}/annotations": {
    get: {
      summary: "Annotations of a document in reading order (hidden ones only for moderators)",
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
        "200": {
          description: "Tags",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: { items: { type: "array", items: { type: "string" } }, nextCursor: { type: "null" } },
              },
            },
          },
        },
        ...errors(401, 404),
      },
    },
  },
  "/api/v1/markdown/preview": {
    post: {
      summary: "Render Markdown with the sanitizer the app uses",
      requestBody: jsonBody("MarkdownPreview"),
      responses: {
        "200": {
          description: "Sanitized HTML",
          content: { "application/json": { schema: { type: "object", properties: { html: { type: "string" } } } } },
        },
        ...errors(400, 401),
      },
    },
  },
};

const documentProperties = {
  id: { type: "string" },
  workspaceId: { type: "string" },
  title: { type: "string" },
  authors: { type: "array", items: { type: "string" } },
  sourceUrl: { type: ["string", "null"] },
  publishedAt: {
    type: ["string", "null"],
    format: "date-time",
    description: "The first instant of the period publishedPrecision names",
  },
  publishedPrecision: {
    enum: ["year", "month", "day", null],
    description: "How much of publishedAt the source gave (null without a date)",
  },
  sourceFormat: { enum: ["text", "markdown", "html", "pdf", "docx"] },
  version: { type: "integer", description: "The text's version: it changes with each new revision, and only then" },
  metadataVersion: { type: "integer", description: "Changes with each edit of the details; send it with PATCH" },
  length: { type: "integer", description: "Length of the text in code points" },
  createdAt: { type: "string", format: "date-time" },
  updatedAt: { type: "string", format: "date-time" },
};

export const DOCUMENT_SCHEMAS = {
  CreateDocument: schema(createDocumentSchema),
  UpdateDocument: schema(updateDocumentSchema),
  ReplaceText: schema(replaceTextSchema),
  CreateAnnotation: schema(createAnnotationSchema),
  UpdateAnnotation: schema(updateAnnotationSchema),
  MarkdownPreview: schema(markdownPreviewSchema),
  Document: { type: "object", required: ["id", "title", "version"], properties: documentProperties },
  DocumentWithText: {
    type: "object",
    required: ["id", "title", "version", "text", "blocks"],
    properties: {
      ...documentProperties,
      text: { type: "string" },
      blocks: {
        type: "array",
        description:
          "The text's structure, in order: ranges over `text` in code points (like TextPositionSelector); `page` (1-based) is where a block starts in a paginated source",
        items: {
          type: "object",
          required: ["type", "start", "end"],
          properties: {
            type: { enum: ["heading", "paragraph", "list-item", "quote", "footnote"] },
            level: { type: "integer", minimum: 1, maximum: 6, description: "Headings only" },
            start: { type: "integer" },
            end: { type: "integer" },
            page: { type: "integer", minimum: 1 },
          },
        },
      },
      pageCount: { type: ["integer", "null"], description: "Pages of a paginated source (PDF), else null" },
    },
  },
  Revision: {
    type: "object",
    properties: {
      document: ref("Document"),
      reanchoring: {
        type: "object",
        properties: { anchored: { type: "integer" }, moved: { type: "integer" }, orphaned: { type: "integer" } },
      },
    },
  },
  Annotation: {
    type: "object",
    required: ["id", "quote", "start", "end"],
    properties: {
      id: { type: "string" },
      documentId: { type: "string" },
      motivation: { enum: ["highlighting", "commenting", "tagging", "linking"] },
      selectors: { type: "array", items: { type: "object" } },
      start: { type: "integer" },
      end: { type: "integer" },
      quote: { type: "string" },
      prefix: { type: "string" },
      suffix: { type: "string" },
      anchorStatus: { enum: ["anchored", "moved", "orphaned"] },
      body: { type: "string", description: "Markdown" },
      bodyHtml: { type: "string", description: "The body rendered and sanitized" },
      tags: { type: "array", items: { type: "string" } },
      color: { type: ["string", "null"] },
      creator: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      replyCount: { type: "integer" },
      replyStances: { type: "array", items: { type: "string" } },
      version: { type: "integer" },
      createdAt: { type: "string", format: "date-time" },
      updatedAt: { type: "string", format: "date-time" },
    },
  },
  SearchResults: {
    type: "object",
    required: ["query", "documents", "annotations", "replies", "nextCursor"],
    properties: {
      query: { type: "string" },
      nextCursor: { type: ["string", "null"] },
      documents: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            title: { type: "string" },
            titleHtml: { type: "string" },
            authors: { type: "array", items: { type: "string" } },
            workspace: ref("WorkspaceRef"),
            rank: { type: "number" },
            snippetHtml: { type: "string" },
            match: {
              type: ["object", "null"],
              properties: { start: { type: "integer" }, end: { type: "integer" } },
            },
          },
        },
      },
      annotations: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            documentId: { type: "string" },
            documentTitle: { type: "string" },
            workspace: ref("WorkspaceRef"),
            quote: { type: "string" },
            quoteHtml: { type: "string" },
            body: { type: "string" },
            tags: { type: "array", items: { type: "string" } },
            status: { enum: ["visible", "pending", "hidden"] },
            creator: ref("UserRef"),
            createdAt: { type: "string", format: "date-time" },
            rank: { type: "number" },
            snippetHtml: { type: "string" },
          },
        },
      },
      replies: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            stance: { enum: [...STANCES] },
            status: { enum: ["visible", "pending", "hidden"] },
            author: ref("UserRef"),
            createdAt: { type: "string", format: "date-time" },
            thread: {
              type: "object",
              properties: { kind: { enum: ["annotation", "link"] }, id: { type: "string" } },
            },
            passageId: { type: "string" },
            documentId: { type: "string" },
            documentTitle: { type: "string" },
            workspace: ref("WorkspaceRef"),
            rank: { type: "number" },
            snippetHtml: { type: "string" },
          },
        },
      },
    },
  },
  WorkspaceRef: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
  UserRef: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
};
