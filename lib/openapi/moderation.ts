// OpenAPI paths and schemas for flags, moderation actions, the queue and the audit log.
import {
  auditLogQuerySchema,
  createFlagSchema,
  mergeLinkSchema,
  moderationActionSchema,
} from "@/lib/validations/moderation";
import { errors, jsonBody, jsonResponse, listOf, pathId, schema } from "./helpers";

export const MODERATION_PATHS = {
  "/api/v1/flags": {
    post: {
      summary: "Flag an annotation, reply or link for moderators, with a reason (once per person and item)",
      description:
        "Anyone signed in who may read the item may flag it: every member (viewers too) and, in a public workspace, signed-in non-members. Anonymous callers get 401.",
      requestBody: jsonBody("CreateFlag"),
      responses: { "201": { description: "Flagged" }, ...errors(400, 401, 403, 404, 409) },
    },
  },
  "/api/v1/moderation/actions": {
    post: {
      summary:
        "Hide, restore (approve), lock, unlock, pin, unpin, resolve flags, resolve a thread with a summary, or feature a thread (moderators and owners), with a reason",
      description:
        "Applied in one transaction with an audit-log row; open flags on the item are resolved. Send the item's `version` as you saw it: a changed item answers 409.",
      requestBody: jsonBody("ModerationAction"),
      responses: { "201": jsonResponse("Applied", "ModerationResult"), ...errors(400, 401, 403, 404, 409, 422) },
    },
  },
  "/api/v1/links/{id}/merge": {
    post: {
      summary:
        "Merge a duplicate link into another between the same passages (moderators): its replies and votes move over, it is removed, the audit log records why",
      parameters: [pathId("id")],
      requestBody: jsonBody("MergeLink"),
      responses: { "200": { description: "Merged" }, ...errors(400, 401, 403, 404, 422) },
    },
  },
  "/api/v1/workspaces/{id}/moderation/queue": {
    get: {
      summary: "Flagged and pending items with their context, most flagged first (moderators and owners)",
      parameters: [pathId("id")],
      responses: {
        "200": { description: "Queue", content: { "application/json": { schema: listOf("QueueItem") } } },
        ...errors(401, 403, 404),
      },
    },
  },
  "/api/v1/workspaces/{id}/audit-log": {
    get: {
      summary: "Who did what, when and why, newest first (moderators and owners); `format=csv` for a spreadsheet",
      parameters: [
        pathId("id"),
        ...Object.entries((schema(auditLogQuerySchema) as { properties: Record<string, object> }).properties).map(
          ([name, property]) => ({ name, in: "query", required: false, schema: property }),
        ),
      ],
      responses: {
        "200": {
          description: "Audit log",
          content: { "application/json": { schema: listOf("AuditEntry") }, "text/csv": { schema: { type: "string" } } },
        },
        ...errors(400, 401, 403, 404),
      },
    },
  },
};

export const MODERATION_SCHEMAS = {
  CreateFlag: schema(createFlagSchema),
  ModerationAction: schema(moderationActionSchema),
  MergeLink: schema(mergeLinkSchema),
};
