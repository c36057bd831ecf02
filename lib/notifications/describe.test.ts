import { describe, expect, it } from "vitest";
import { describeNotification, notificationHref, type Describable } from "./describe";

const base: Describable = {
  kind: "reply",
  actorName: "Yuri",
  documentTitle: "Lin 2023",
  workspaceName: "Russia desk",
  documentId: "d1",
  annotationId: "a1",
  replyId: "r1",
  data: { stance: "opposes", to: "passage" },
};

describe("describeNotification", () => {
  it("says what happened, to what, where", () => {
    expect(describeNotification(base)).toBe("Yuri replied opposes to your passage in Lin 2023");
    expect(describeNotification({ ...base, kind: "mention" })).toBe("Yuri mentioned you in Lin 2023");
    expect(describeNotification({ ...base, kind: "vote", data: { votes: 5, to: "reply" } })).toBe(
      "Your reply in Lin 2023 reached 5 upvotes",
    );
    expect(
      describeNotification({ ...base, kind: "moderation", data: { action: "hide", reason: "Spam", to: "reply" } }),
    ).toBe("Yuri hid your reply in Lin 2023: Spam");
    expect(describeNotification({ ...base, kind: "invitation", documentTitle: null, data: { role: "viewer" } })).toBe(
      "Yuri invited you to Russia desk as viewer",
    );
    expect(describeNotification({ ...base, kind: "follow", actorName: null })).toBe(
      "Someone replied opposes in a thread you follow in Lin 2023",
    );
  });

  it("leads to the passage with the reply named, or to the invitations", () => {
    expect(notificationHref(base)).toBe("/documents/d1?reply=r1#annotation-a1");
    expect(notificationHref({ ...base, replyId: null })).toBe("/documents/d1#annotation-a1");
    expect(notificationHref({ ...base, kind: "invitation" })).toBe("/workspaces");
  });
});
