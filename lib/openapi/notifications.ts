// OpenAPI paths and schemas for in-app notifications and follows.
import { followSchema, markNotificationsReadSchema } from "@/lib/validations/notification";
import { errors, jsonBody, jsonResponse, pageParams, schema } from "./helpers";

const followTarget = [
  { name: "targetType", in: "query", required: true, schema: { enum: ["document", "annotation"] } },
  { name: "targetId", in: "query", required: true, schema: { type: "string" } },
];

export const NOTIFICATION_PATHS = {
  "/api/v1/notifications": {
    get: {
      summary: "My notifications, newest first, with my unread count",
      description:
        "Replies to my passages and replies, @mentions, links to my passages, vote milestones, moderation decisions, invitations and activity I follow. Only what I may still see.",
      parameters: [
        { name: "unread", in: "query", required: false, schema: { enum: ["true", "false"] } },
        ...pageParams,
      ],
      responses: { "200": jsonResponse("Notifications", "NotificationPage"), ...errors(400, 401) },
    },
  },
  "/api/v1/notifications/read": {
    post: {
      summary: "Mark my notifications read: the ones named in `ids`, or all when omitted",
      requestBody: jsonBody("MarkNotificationsRead"),
      responses: { "200": jsonResponse("Marked", "NotificationsRead"), ...errors(400, 401) },
    },
  },
  "/api/v1/notifications/events": {
    get: {
      summary: "Server-Sent Events for the bell: `unread` ({ count }) on opening and whenever my notifications change",
      description:
        "Only the caller's own notifications are counted; another person's never reach this stream. Also `ping` every 15 s and `denied` when the session or token is revoked.",
      responses: {
        "200": { description: "An event stream", content: { "text/event-stream": { schema: { type: "string" } } } },
        ...errors(401),
      },
    },
  },
  "/api/v1/follows": {
    get: {
      summary:
        "Whether I follow a document or a thread (an annotation's); authors follow their threads unless they unfollowed",
      parameters: followTarget,
      responses: { "200": jsonResponse("Follow state", "FollowState"), ...errors(400, 401, 404) },
    },
    post: {
      summary: "Follow a document (new passages and replies in it) or a thread (its replies)",
      requestBody: jsonBody("Follow"),
      responses: { "200": jsonResponse("Following", "FollowState"), ...errors(400, 401, 404) },
    },
    delete: {
      summary: "Unfollow a document or a thread; remembered, so it overrides the author's default",
      requestBody: jsonBody("Follow"),
      responses: { "200": jsonResponse("Not following", "FollowState"), ...errors(400, 401, 404) },
    },
  },
};

export const NOTIFICATION_SCHEMAS = {
  MarkNotificationsRead: schema(markNotificationsReadSchema),
  Follow: schema(followSchema),
};
