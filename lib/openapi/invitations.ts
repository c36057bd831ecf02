// Invitations: an owner invites an email (POST /api/v1/workspaces/{id}/members); the person
// signed in with that email accepts or declines. Nothing here tells whether an email has an account.
import { errors, jsonResponse, pathId, ref } from "./helpers";

const myInvitations = {
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: ref("MyInvitation") } },
};

export const INVITATION_PATHS = {
  "/api/v1/me/invitations": {
    get: {
      summary: "Invitations to my email that I can still accept or decline",
      responses: {
        "200": { description: "Invitations", content: { "application/json": { schema: myInvitations } } },
        ...errors(401),
      },
    },
  },
  "/api/v1/me/invitations/{invitationId}/accept": {
    post: {
      summary: "Accept an invitation sent to my email: I join the workspace with its role",
      parameters: [pathId("invitationId")],
      responses: {
        "200": jsonResponse("Accepted", "MyInvitation"),
        ...errors(401, 404, 409),
      },
    },
  },
  "/api/v1/me/invitations/{invitationId}/decline": {
    post: {
      summary: "Decline an invitation sent to my email",
      parameters: [pathId("invitationId")],
      responses: { "200": jsonResponse("Declined", "MyInvitation"), ...errors(401, 404, 409) },
    },
  },
  "/api/v1/invitations/{token}": {
    get: {
      summary: "The invitation behind an accept link (/invitations/{token}), for the person it was sent to",
      parameters: [pathId("token")],
      responses: { "200": jsonResponse("Invitation", "MyInvitation"), ...errors(401, 403, 404) },
    },
  },
};

const invitationProperties = {
  id: { type: "string" },
  email: { type: "string" },
  role: { enum: ["owner", "moderator", "researcher", "viewer"] },
  status: { enum: ["pending", "accepted", "declined", "expired"] },
  invitedAt: { type: "string", format: "date-time" },
  expiresAt: { type: "string", format: "date-time" },
};

export const INVITATION_SCHEMAS = {
  Invitation: { type: "object", properties: invitationProperties },
  NewInvitation: {
    type: "object",
    required: ["status", "invitation"],
    properties: {
      status: { const: "invited" },
      invitation: {
        type: "object",
        properties: {
          ...invitationProperties,
          acceptPath: {
            type: "string",
            description: "`/invitations/<token>`: the accept link to pass on. Shown once; only a hash is stored.",
          },
          emailed: {
            type: "boolean",
            description:
              "Whether the link is also being emailed to the address (true whenever this server sends mail, whoever the address belongs to)",
          },
        },
      },
    },
  },
  MyInvitation: {
    type: "object",
    properties: {
      ...invitationProperties,
      workspace: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      invitedBy: { type: "object", properties: { name: { type: "string" } } },
    },
  },
};
