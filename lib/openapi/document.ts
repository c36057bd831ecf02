// The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json.
// Request schemas come from the same zod schemas the routes validate with; response
// schemas from the zod response shapes in lib/validations/responses.
import {
  addMemberSchema,
  createWorkspaceSchema,
  updateMemberSchema,
  updateWorkspaceSchema,
} from "@/lib/validations/workspace";
import { changePasswordSchema, createTokenSchema, signUpSchema } from "@/lib/validations/user";
import { DEBATE_PATHS, DEBATE_SCHEMAS } from "./debate";
import { DOCUMENT_PATHS, DOCUMENT_SCHEMAS } from "./documents";
import { MAP_PATHS } from "./map";
import { EXPORT_PATHS, EXPORT_SCHEMAS } from "./exports";
import { INVITATION_PATHS, INVITATION_SCHEMAS } from "./invitations";
import { MAIL_PATHS, MAIL_SCHEMAS } from "./mail";
import { NOTIFICATION_PATHS, NOTIFICATION_SCHEMAS } from "./notifications";
import { MODERATION_PATHS, MODERATION_SCHEMAS } from "./moderation";
import { W3C_PATHS, W3C_SCHEMAS } from "./w3c";
import { errors, jsonBody, jsonResponse, listOf, pageParams, pathId, ref, responseComponents, schema } from "./helpers";
import { SUGGESTION_PATHS, SUGGESTION_SCHEMAS } from "./suggestions";

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input",
  401: "Not signed in",
  403: "Not allowed",
  404: "Not found (also where existence itself is private)",
  409: "Conflict",
  412: "Precondition failed: the If-Match ETag is not the current one",
  413: "Too large",
  415: "Unsupported media type",
  422: "Unprocessable",
  429: "Rate limited",
  503: "Busy or unavailable: try again after Retry-After seconds",
};

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Counterpoint API",
      version: "1.0.0",
      description:
        "Annotate documents, argue over passages and link them across documents. Authenticate with the browser session " +
        "or a personal access token (`Authorization: Bearer <token>`). Errors: `{ error: { code, message, fields? } }`.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths: {
      "/api/health": {
        get: {
          summary: "Liveness and database check",
          security: [],
          responses: { "200": { description: "Healthy" }, "503": { description: "Database unreachable" } },
        },
      },
      "/api/v1/users": {
        post: {
          summary: "Sign up",
          security: [],
          requestBody: jsonBody("SignUp"),
          responses: { "201": jsonResponse("Account created", "User"), ...errors(400, 403, 409, 413, 429) },
        },
      },
      "/api/v1/me": {
        get: { summary: "The calling user", responses: { "200": jsonResponse("You", "User"), ...errors(401) } },
      },
      "/api/v1/me/sessions": {
        delete: {
          summary: "Sign out everywhere: revoke every browser session of the calling user, this one included",
          responses: { "204": { description: "Signed out everywhere" }, ...errors(401, 403) },
        },
      },
      "/api/v1/me/password": {
        put: {
          summary: "Change my password; every other browser session is signed out",
          requestBody: jsonBody("ChangePassword"),
          responses: { "204": { description: "Changed" }, ...errors(400, 401, 403, 413, 429) },
        },
      },
      "/api/v1/tokens": {
        get: {
          summary: "List my access tokens",
          responses: {
            "200": { description: "Tokens", content: { "application/json": { schema: listOf("Token") } } },
            ...errors(401),
          },
        },
        post: {
          summary: "Create a personal access token (browser session only); the secret is shown once",
          requestBody: jsonBody("CreateToken"),
          responses: { "201": jsonResponse("Created", "NewToken"), ...errors(400, 401, 403) },
        },
      },
      "/api/v1/tokens/{id}": {
        delete: {
          summary: "Revoke a token",
          parameters: [pathId("id")],
          responses: { "204": { description: "Revoked" }, ...errors(401, 404) },
        },
      },
      "/api/v1/workspaces": {
        get: {
          summary: "My workspaces",
          parameters: pageParams,
          responses: {
            "200": { description: "Workspaces", content: { "application/json": { schema: listOf("Workspace") } } },
            ...errors(400, 401),
          },
        },
        post: {
          summary: "Create a workspace; you become its owner",
          requestBody: jsonBody("CreateWorkspace"),
          responses: { "201": jsonResponse("Created", "Workspace"), ...errors(400, 401, 413) },
        },
      },
      "/api/v1/workspaces/{id}": {
        get: {
          summary: "A workspace",
          parameters: [pathId("id")],
          responses: { "200": jsonResponse("Workspace", "Workspace"), ...errors(401, 404) },
        },
        patch: {
          summary: "Rename or change settings (owners)",
          parameters: [pathId("id")],
          requestBody: jsonBody("UpdateWorkspace"),
          responses: { "200": jsonResponse("Updated", "Workspace"), ...errors(400, 401, 403, 404) },
        },
      },
      "/api/v1/workspaces/{id}/members": {
        get: {
          summary: "Members (and, for owners, pending invitations)",
          parameters: [pathId("id")],
          responses: {
            "200": { description: "Members", content: { "application/json": { schema: listOf("Member") } } },
            ...errors(401, 404),
          },
        },
        post: {
          summary:
            "Invite an email to join (owners): always an invitation, the same answer whether or not the email has an account",
          parameters: [pathId("id")],
          requestBody: jsonBody("AddMember"),
          responses: {
            "201": jsonResponse("Invited; the person joins when they accept", "NewInvitation"),
            ...errors(400, 401, 403, 404, 409),
          },
        },
      },
      "/api/v1/workspaces/{id}/members/{userId}": {
        patch: {
          summary: "Change a member's role (owners); the last owner cannot be demoted",
          parameters: [pathId("id"), pathId("userId")],
          requestBody: jsonBody("UpdateMember"),
          responses: { "200": jsonResponse("Updated", "Member"), ...errors(400, 401, 403, 404, 409) },
        },
        delete: {
          summary: "Remove a member (owners), or leave (yourself); the last owner cannot leave",
          parameters: [pathId("id"), pathId("userId")],
          responses: { "204": { description: "Removed" }, ...errors(401, 403, 404, 409) },
        },
      },
      "/api/v1/workspaces/{id}/invitations/{invitationId}": {
        delete: {
          summary: "Cancel a pending invitation (owners)",
          parameters: [pathId("id"), pathId("invitationId")],
          responses: { "204": { description: "Cancelled" }, ...errors(401, 403, 404) },
        },
      },
      ...INVITATION_PATHS,
      ...DOCUMENT_PATHS,
      ...DEBATE_PATHS,
      ...SUGGESTION_PATHS,
      ...MAP_PATHS,
      ...MODERATION_PATHS,
      ...EXPORT_PATHS,
      ...MAIL_PATHS,
      ...NOTIFICATION_PATHS,
      ...W3C_PATHS,
      "/api/v1/openapi.json": {
        get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document" } } },
      },
    },
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token from POST /api/v1/tokens",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([status, description]) => [
          `Error${status}`,
          { description, content: { "application/json": { schema: ref("Error") } } },
        ]),
      ),
      schemas: {
        SignUp: schema(signUpSchema),
        CreateToken: schema(createTokenSchema),
        ChangePassword: schema(changePasswordSchema),
        CreateWorkspace: schema(createWorkspaceSchema),
        UpdateWorkspace: schema(updateWorkspaceSchema),
        AddMember: schema(addMemberSchema),
        UpdateMember: schema(updateMemberSchema),
        ...INVITATION_SCHEMAS,
        ...DOCUMENT_SCHEMAS,
        ...DEBATE_SCHEMAS,
        ...SUGGESTION_SCHEMAS,
        ...MODERATION_SCHEMAS,
        ...EXPORT_SCHEMAS,
        ...MAIL_SCHEMAS,
        ...NOTIFICATION_SCHEMAS,
        ...W3C_SCHEMAS,
        ...responseComponents(),
      },
    },
  };
}
