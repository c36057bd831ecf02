// OpenAPI paths and schemas for threads, votes, passage links, claims and live events.
import {
  claimPassageSchema,
  createClaimSchema,
  createLinkSchema,
  createReplySchema,
  linkFiltersSchema,
  updateReplySchema,
  voteSchema,
} from "@/lib/validations/debate";
import { errors, jsonBody, jsonResponse, listOf, pathId, pageParams, ref, schema } from "./helpers";

const list = (description: string, name: string) => ({
  description,
  content: { "application/json": { schema: listOf(name) } },
});
const replyPaths = (kind: "annotations" | "links") => ({
  [`/api/v1/${kind}/{id}/replies`]: {
    post: {
      summary: `Reply in the thread of ${kind === "annotations" ? "an annotation" : "a passage link"}, with a stance toward what you answer (the ${kind === "annotations" ? "annotation" : "link"}, or \`parentId\`)`,
      description:
        "@handles (a member's name without spaces, or their email before the @) mention members. A locked thread answers 409.",
      parameters: [pathId("id")],
      requestBody: jsonBody("CreateReply"),
      responses: { "201": jsonResponse("Posted", "Reply"), ...errors(400, 401, 403, 404, 409, 413, 422) },
    },
  },
  [`/api/v1/${kind}/{id}/thread`]: {
    get: {
      summary:
        "The thread: the subject with its replies as a tree (stored order, pinned first), each with author, stance, created and votes",
      parameters: [pathId("id")],
      responses: {
        "200": {
          description: "Thread",
          content: {
            "application/json": { schema: ref(kind === "annotations" ? "AnnotationThread" : "LinkThread") },
          },
        },
        ...errors(401, 404),
      },
    },
  },
});

export const DEBATE_PATHS = {
  ...replyPaths("annotations"),
  ...replyPaths("links"),
  "/api/v1/replies/{id}": {
    patch: {
      summary: "Edit your reply (body and/or stance); the previous body is kept; `version` guards against stale edits",
      parameters: [pathId("id")],
      requestBody: jsonBody("UpdateReply"),
      responses: { "200": jsonResponse("Edited", "Reply"), ...errors(400, 401, 403, 404, 409) },
    },
  },
  "/api/v1/replies/{id}/edits": {
    get: {
      summary: "Earlier bodies of a reply, newest first",
      parameters: [pathId("id")],
      responses: { "200": list("Edits", "ReplyEdit"), ...errors(401, 404) },
    },
  },
  "/api/v1/replies/{id}/votes": {
    post: {
      summary: "Vote on a reply: 1, -1, or 0 to take your vote back (not on your own reply: 403)",
      parameters: [pathId("id")],
      requestBody: jsonBody("Vote"),
      responses: { "200": jsonResponse("Tally", "VoteTally"), ...errors(400, 401, 403, 404) },
    },
  },
  "/api/v1/links/{id}/votes": {
    post: {
      summary: "Vote on a passage link (not on your own: 403)",
      parameters: [pathId("id")],
      requestBody: jsonBody("Vote"),
      responses: { "200": jsonResponse("Tally", "VoteTally"), ...errors(400, 401, 403, 404) },
    },
  },
  "/api/v1/links": {
    post: {
      summary: "Link two passages (annotations) of one workspace with a relation and a rationale",
      description:
        "A near-duplicate, the same relation between two passages that overlap the ends of a link the caller can see (either way round), is a 409 with `error.code` `duplicate` and `error.existingId`, that link, unless `allowDuplicate` is true. The same two annotations with the same relation are always a 409 `conflict`.",
      requestBody: jsonBody("CreateLink"),
      responses: { "201": jsonResponse("Linked", "Link"), ...errors(400, 401, 403, 404, 409, 422) },
    },
  },
  "/api/v1/links/{id}": {
    get: {
      summary: "A passage link with both passages",
      parameters: [pathId("id")],
      responses: { "200": jsonResponse("Link", "Link"), ...errors(401, 404) },
    },
    delete: {
      summary: "Remove a link (its creator or a moderator)",
      parameters: [pathId("id")],
      responses: { "204": { description: "Removed" }, ...errors(401, 403, 404) },
    },
  },
  "/api/v1/annotations/{id}/links": {
    get: {
      summary: "Links from and to this passage",
      parameters: [pathId("id")],
      responses: { "200": list("Links", "Link"), ...errors(401, 404) },
    },
  },
  "/api/v1/documents/{id}/links": {
    get: {
      summary: "Links with either end in this document",
      parameters: [pathId("id")],
      responses: { "200": list("Links", "Link"), ...errors(401, 404) },
    },
  },
  "/api/v1/workspaces/{id}/links": {
    get: {
      summary: "Links of a workspace, optionally by relation or document",
      parameters: [
        pathId("id"),
        ...Object.keys(linkFiltersSchema.shape).map((name) => ({
          name,
          in: "query",
          required: false,
          schema: { type: "string" },
        })),
      ],
      responses: { "200": list("Links", "Link"), ...errors(400, 401, 404) },
    },
  },
  "/api/v1/workspaces/{id}/claims": {
    get: {
      summary: "Claims and questions with their passages",
      parameters: [pathId("id")],
      responses: { "200": list("Claims", "Claim"), ...errors(401, 404) },
    },
    post: {
      summary: "Name a claim or question",
      description:
        "A title that nearly repeats an existing claim's (the same content words, ignoring case, accents, punctuation, order and plurals; Dice similarity 0.8 or more) is a 409 with `error.code` `duplicate` and `error.existingId`, that claim, unless `allowDuplicate` is true.",
      parameters: [pathId("id")],
      requestBody: jsonBody("CreateClaim"),
      responses: { "201": jsonResponse("Created", "Claim"), ...errors(400, 401, 403, 404, 409) },
    },
  },
  "/api/v1/claims/{id}/passages": {
    get: {
      summary: "Every passage placed under a claim that the caller sees, oldest first",
      parameters: [pathId("id")],
      responses: { "200": list("Passages", "PlacedPassage"), ...errors(401, 404) },
    },
    post: {
      summary: "Place a passage under a claim with its stance (placing it again changes the stance)",
      parameters: [pathId("id")],
      requestBody: jsonBody("ClaimPassage"),
      responses: { "201": { description: "Placed" }, ...errors(400, 401, 403, 404, 422) },
    },
  },
  "/api/v1/claims/{id}/passages/{annotationId}": {
    delete: {
      summary: "Take a passage off a claim",
      parameters: [pathId("id"), pathId("annotationId")],
      responses: { "204": { description: "Removed" }, ...errors(401, 403, 404) },
    },
  },
  "/api/v1/workspaces/{id}/claim-matrix": {
    get: {
      summary:
        "Documents × claims: each document's stance (supports / opposes / mixed), from passages placed under a claim and the passages linked to them. Only documents that take a stance are columns, paged with cursor and limit; the others are counted in otherDocuments",
      parameters: [pathId("id"), ...pageParams],
      responses: {
        "200": { description: "Matrix", content: { "application/json": { schema: ref("ClaimMatrix") } } },
        ...errors(401, 404),
      },
    },
  },
  "/api/v1/workspaces/{id}/events": {
    get: {
      summary:
        "Server-Sent Events: `change` events ({ type, id, threadId?, documentIds }) as they commit, and `viewers` (who else has the document open) when documentId is given",
      description:
        "Events carry ids, not content: re-read what changed through the API. Works across app instances (PostgreSQL LISTEN/NOTIFY). Each `change` has an SSE `id`; `ready` carries the current position as its id. A reconnecting client sends the last id it heard (`Last-Event-ID` header, or `lastEventId` query) and first receives the changes it missed (same scope and access as live ones), or a `reload` event when they are no longer known (older than about 15 minutes, or an unknown id): read everything again. Also `ping` every 15 s and `denied` when access ends.",
      parameters: [
        pathId("id"),
        { name: "documentId", in: "query", required: false, schema: { type: "string" } },
        { name: "lastEventId", in: "query", required: false, schema: { type: "string", pattern: "^[0-9]+$" } },
        { name: "Last-Event-ID", in: "header", required: false, schema: { type: "string", pattern: "^[0-9]+$" } },
      ],
      responses: {
        "200": { description: "An event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
        ...errors(400, 401, 404),
      },
    },
  },
};

export const DEBATE_SCHEMAS = {
  CreateReply: schema(createReplySchema),
  UpdateReply: schema(updateReplySchema),
  Vote: schema(voteSchema),
  CreateLink: schema(createLinkSchema),
  CreateClaim: schema(createClaimSchema),
  ClaimPassage: schema(claimPassageSchema),
};
