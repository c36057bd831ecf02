import type { DeliveryMode, NotificationKind } from "./kinds";

// How each kind of notification is named to people (settings, mail footers, unsubscribe).
export const KIND_LABELS: Record<NotificationKind, { label: string; about: string }> = {
  reply: { label: "Replies", about: "replies to your passages and replies" },
  mention: { label: "Mentions", about: "mentions of you" },
  link: { label: "Links", about: "new links to or from your passages" },
  vote: { label: "Votes", about: "vote milestones on your replies" },
  moderation: { label: "Moderation", about: "moderation decisions on your contributions" },
  invitation: { label: "Invitations", about: "invitations to workspaces" },
  follow: { label: "Followed activity", about: "activity in documents and threads you follow" },
};

export const DELIVERY_LABELS: Record<DeliveryMode, string> = {
  instant: "Email at once",
  digest: "Daily digest",
  never: "No email",
};
