// Notification mail: a person's choice per kind, and the unsubscribe link every mail carries.
import { updateNotificationSettingsSchema } from "@/lib/validations/notification-settings";
import { errors, jsonBody, jsonResponse, pathId, schema } from "./helpers";

export const MAIL_PATHS = {
  "/api/v1/me/notification-settings": {
    get: {
      summary: "How I want mail about each kind of notification (instant, daily digest or never)",
      responses: { "200": jsonResponse("Settings", "NotificationSettings"), ...errors(401) },
    },
    put: {
      summary: "Change the mode of some kinds; kinds left out keep theirs",
      requestBody: jsonBody("UpdateNotificationSettings"),
      responses: { "200": jsonResponse("Settings", "NotificationSettings"), ...errors(400, 401, 403, 413) },
    },
  },
  "/api/unsubscribe/{token}": {
    post: {
      summary:
        "One-click unsubscribe (RFC 8058) from a mail's List-Unsubscribe link: no sign-in, the signed token (60 days) is the credential. Turns the link's kind (or the digest) to never; `scope=all` in a form body turns every kind to never",
      security: [],
      parameters: [pathId("token")],
      requestBody: {
        required: false,
        content: {
          "application/x-www-form-urlencoded": {
            schema: {
              type: "object",
              properties: { "List-Unsubscribe": { const: "One-Click" }, scope: { enum: ["all"] } },
            },
          },
        },
      },
      responses: {
        "200": jsonResponse("Unsubscribed", "Unsubscribed"),
        "303": { description: "From the confirmation page: back to it, saying what was done" },
        ...errors(404),
      },
    },
  },
};

export const MAIL_SCHEMAS = {
  UpdateNotificationSettings: schema(updateNotificationSettingsSchema),
};
