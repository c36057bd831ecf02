import { describe, expect, it } from "vitest";
import { digestMail } from "./digest-mail";
import { invitationMail } from "./invitation-mail";
import { notificationMail } from "./notification-mail";
import type { MailNotification } from "./describe-notification";

const links = {
  openUrl: "http://localhost:3000/documents/d1#annotation-a1",
  unsubscribeUrl: "http://localhost:3000/unsubscribe/t",
  settingsUrl: "http://localhost:3000/settings/notifications",
};

const reply: MailNotification = {
  id: "n1",
  kind: "reply",
  actorName: "Yuri <script>alert(1)</script>",
  workspaceName: "Seminar & co",
  documentTitle: "Lin 2023",
  documentId: "d1",
  annotationId: "a1",
  replyId: null,
  data: { stance: "opposes", excerpt: 'I read it "differently" <b>here</b>' },
};

describe("mail templates", () => {
  it("name who did what where in the subject", () => {
    expect(notificationMail(reply, links).subject).toBe(
      "Yuri <script>alert(1)</script> replied opposes to your passage in Lin 2023",
    );
    expect(notificationMail({ ...reply, kind: "mention", data: {} }, links).subject).toBe(
      "Yuri <script>alert(1)</script> mentioned you in Lin 2023",
    );
    expect(
      notificationMail({ ...reply, kind: "vote", actorName: null, data: { votes: 5, to: "reply" } }, links).subject,
    ).toBe("Your reply in Lin 2023 reached 5 upvotes");
  });

  it("escape everything people typed in the HTML and keep it readable in the text", () => {
    const mail = notificationMail(reply, links);
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<b>here</b>");
    expect(mail.html).toContain("Yuri &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("Seminar &amp; co");
    expect(mail.html).toContain('href="http://localhost:3000/documents/d1#annotation-a1"');
    expect(mail.text).toContain('> I read it "differently" <b>here</b>');
    expect(mail.text).toContain(`Unsubscribe: ${links.unsubscribeUrl}`);
    expect(mail.text).toContain(links.openUrl);
  });

  it("gather a digest's items under their workspaces, each with its link", () => {
    const items = [
      { ...reply, openUrl: "http://x/1" },
      { ...reply, id: "n2", kind: "link" as const, data: { relation: "contradicts" }, openUrl: "http://x/2" },
      { ...reply, id: "n3", workspaceName: "Other", kind: "vote" as const, data: { votes: 1 }, openUrl: "http://x/3" },
    ];
    const mail = digestMail(items, { ...links, inboxUrl: "http://x/notifications" });
    expect(mail.subject).toBe(
      "Your Counterpoint digest: Yuri <script>alert(1)</script> replied opposes to your passage in Lin 2023, and 2 more",
    );
    expect(mail.text).toContain("In Seminar & co:");
    expect(mail.text).toContain("In Other:");
    for (const url of ["http://x/1", "http://x/2", "http://x/3"]) expect(mail.html).toContain(`href="${url}"`);
    expect(mail.text).toContain("Your passage in Lin 2023 reached 1 upvote");
  });

  it("put the accept link in an invitation", () => {
    const mail = invitationMail({
      inviterName: "Ana",
      workspaceName: "Seminar",
      role: "researcher",
      acceptUrl: "http://localhost:3000/invitations/tok",
      expiresAt: new Date("2026-12-13T00:00:00Z"),
    });
    expect(mail.subject).toBe("Ana invited you to Seminar on Counterpoint");
    expect(mail.text).toContain("http://localhost:3000/invitations/tok");
    expect(mail.text).toContain("2026-12-13");
    expect(mail.text).not.toContain("Unsubscribe");
  });
});
