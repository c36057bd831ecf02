import { apiRoute } from "@/lib/api/route";
import { bellStream } from "@/lib/notifications/bell-stream";

// Server-Sent Events for the bell: my unread count, as my notifications change.
export const GET = apiRoute((context) => bellStream(context));
