// Notification mail against a real SMTP server started here (smtp-server, parsed with
// mailparser), through the real job queue and a real PostgreSQL: mention, reply and
// invitation mails arrive with the right recipient, subject and working links; a digest
// gathers a day's notifications in one mail; unsubscribe links work without signing in;
// an outage of the SMTP server delays mail and loses none.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as workspaces from "@/app/api/v1/workspaces/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as thread from "@/app/api/v1/annotations/[id]/thread/route";
import * as links from "@/app/api/v1/links/route";
import * as members from "@/app/api/v1/workspaces/[id]/members/route";
import * as invitationLink from "@/app/api/v1/invitations/[token]/route";
import * as acceptInvitation from "@/app/api/v1/me/invitations/[invitationId]/accept/route";
import * as settings from "@/app/api/v1/me/notification-settings/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/[token]/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { enqueueJob, stopJobQueue } from "@/lib/jobs/boss";
import { sendDigests } from "@/lib/mail/send-digests";
import { sendNotificationMails } from "@/lib/mail/send-notification-mails";
import { closeMailTransport } from "@/lib/mail/transport";
import { signUnsubscribeToken } from "@/lib/mail/unsubscribe-token";
import { createToken } from "@/lib/tokens/tokens";
import { createUser } from "@/lib/users/create-user";
import { addMemberByInvitation, call, expectError, makeUser, uniqueEmail } from "../support/api";
import { linksIn, TestSmtp, type ReceivedMail } from "../support/smtp";

const TEXT = "Cooperation deepens. An alliance is avoided. Both sides hedge their bets. Trade grows.";
const smtp = new TestSmtp();
const ENV: Record<string, string> = {
  MAIL_FROM: "Counterpoint <mail@counterpoint.test>",
  JOB_POLLING_SECONDS: "0.5",
  JOB_SUPERVISE_SECONDS: "1",
  MAIL_RETRY_SECONDS: "1",
  MAIL_RETRY_MAX_SECONDS: "2",
};
const saved: Record<string, string | undefined> = {};
const site = () => process.env.NEXTAUTH_URL!.replace(/\/$/, "");

beforeAll(async () => {
  await smtp.start();
  for (const [name, value] of Object.entries({ ...ENV, SMTP_URL: smtp.url })) {
    saved[name] = process.env[name];
    process.env[name] = value;
  }
});
afterAll(async () => {
  await stopJobQueue(1_000);
  closeMailTransport();
  await smtp.stop();
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
type User = Awaited<ReturnType<typeof makeUser>>;

async function workspaceWithPassage(owner: User, title: string) {
  const workspaceId = (await call(workspaces.POST, { method: "POST", token: owner.token, body: { name: title } })).body
    .id as string;
  const documentId = (
    await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { title, text: TEXT },
    })
  ).body.id as string;
  const annotationId = await annotate(owner, documentId, "Both sides hedge");
  return { workspaceId, documentId, annotationId };
}

async function annotate(by: User, documentId: string, quote: string) {
  const created = await call(annotations.POST, {
    method: "POST",
    token: by.token,
    params: { id: documentId },
    body: { selectors: describeQuote(TEXT, quote), body: "note" },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function replyTo(annotationId: string, by: User, body: string, stance = "opposes") {
  const created = await call(replies.POST, {
    method: "POST",
    token: by.token,
    params: { id: annotationId },
    body: { body, stance },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

// The one-click unsubscribe URL a mail names in its List-Unsubscribe header.
function listUnsubscribe(mail: ReceivedMail) {
  const header = mail.rawHeaders.get("list-unsubscribe") ?? "";
  const url = header.match(/<(https?:[^>]+)>/)?.[1];
  if (!url) throw new Error(`No List-Unsubscribe URL in ${header}`);
  return new URL(url);
}

const notificationsOf = (userId: string) =>
  db.notification.findMany({ where: { recipientId: userId }, orderBy: { createdAt: "asc" } });

describe("notification mail", () => {
  it("keeps per-kind settings: defaults, partial changes, validation, only for the caller", async () => {
    const user = await makeUser("settings");
    const read = await call(settings.GET, { token: user.token });
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      delivery: {
        reply: "instant",
        mention: "instant",
        link: "digest",
        vote: "digest",
        moderation: "instant",
        invitation: "instant",
        follow: "digest",
      },
      emailEnabled: true,
    });
    const changed = await call(settings.PUT, {
      method: "PUT",
      token: user.token,
      body: { delivery: { vote: "never", reply: "digest" } },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.delivery).toMatchObject({ vote: "never", reply: "digest", mention: "instant" });
    expect((await call(settings.GET, { token: user.token })).body.delivery).toMatchObject({
      vote: "never",
      reply: "digest",
    });
    expectError(
      await call(settings.PUT, { method: "PUT", token: user.token, body: { delivery: { vote: "often" } } }),
      400,
    );
    expectError(
      await call(settings.PUT, { method: "PUT", token: user.token, body: { delivery: { gossip: "never" } } }),
      400,
    );
    expectError(await call(settings.PUT, { method: "PUT", body: { delivery: { vote: "never" } } }), 401);
    // Someone else's settings are untouched.
    const other = await makeUser("settings-other");
    expect((await call(settings.GET, { token: other.token })).body.delivery.vote).toBe("digest");
  });

  it("mails a reply and a mention at once, to the right person, with links that open what they name", async () => {
    const alice = await makeUser("alice");
    const bob = await makeUser("bob");
    const title = "Hedging in practice";
    const { workspaceId, documentId, annotationId } = await workspaceWithPassage(alice, title);
    await addMemberByInvitation(alice.token, workspaceId, bob, "researcher");

    const replyId = await replyTo(annotationId, bob, "I read this differently.");
    const [replyMail] = await smtp.waitFor(alice.email, (mail) => mail.subject?.includes("replied") ?? false);
    expect(replyMail!.subject).toBe(`Test bob replied opposes to your passage in ${title}`);
    expect(replyMail!.from?.text).toContain("mail@counterpoint.test");
    expect(replyMail!.text).toContain("I read this differently.");
    expect(replyMail!.html).toContain("I read this differently.");
    const open = new URL(linksIn(replyMail!).find((link) => link.includes("/documents/"))!);
    expect(open.origin).toBe(site());
    expect(open.pathname).toBe(`/documents/${documentId}`);
    expect(open.hash).toBe(`#annotation-${annotationId}`);
    expect(open.searchParams.get("reply")).toBe(replyId);
    // The link opens the document for its recipient, and the reply is in that passage's thread.
    expect((await call(document.GET, { token: alice.token, params: { id: documentId } })).status).toBe(200);
    const opened = await call(thread.GET, { token: alice.token, params: { id: annotationId } });
    expect(opened.status).toBe(200);
    expect(JSON.stringify(opened.body)).toContain(replyId);
    // Every mail can be unsubscribed from in one click (RFC 8058).
    expect(replyMail!.rawHeaders.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(listUnsubscribe(replyMail!).pathname).toMatch(/^\/api\/unsubscribe\//);
    expect(linksIn(replyMail!).some((link) => link.startsWith(`${site()}/unsubscribe/`))).toBe(true);

    // Bob mentions Alice on his own passage: she gets a mention, not a reply.
    const bobsPassage = await annotate(bob, documentId, "Trade grows");
    await replyTo(bobsPassage, bob, `@${alice.email.split("@")[0]} should see this`, "supports");
    const [mentionMail] = await smtp.waitFor(alice.email, (mail) => mail.subject?.includes("mentioned") ?? false);
    expect(mentionMail!.subject).toBe(`Test bob mentioned you in ${title}`);
    expect(new URL(linksIn(mentionMail!).find((link) => link.includes("/documents/"))!).hash).toBe(
      `#annotation-${bobsPassage}`,
    );
    // Each notification is marked emailed once the server accepted it; Bob was mailed nothing about his own acts.
    await sleep(500);
    const mailed = await notificationsOf(alice.id);
    expect(mailed.filter((row) => row.kind === "reply" || row.kind === "mention").every((row) => row.emailedAt)).toBe(
      true,
    );
    expect(smtp.to(bob.email).filter((mail) => !mail.subject?.includes("invited"))).toEqual([]);
  });

  it("mails an invitation with an accept link that works, whether or not the address has an account", async () => {
    const owner = await makeUser("inviter");
    const { workspaceId } = await workspaceWithPassage(owner, "Invitation seminar");
    const email = uniqueEmail("carol");
    const invited = await call(members.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { email, role: "viewer" },
    });
    expect(invited.status).toBe(201);
    expect(invited.body.invitation.emailed).toBe(true);
    const [mail] = await smtp.waitFor(email);
    expect(mail!.subject).toBe("Test inviter invited you to Invitation seminar on Counterpoint");
    const accept = new URL(linksIn(mail!).find((link) => link.includes("/invitations/"))!);
    expect(accept.origin).toBe(site());
    expect(accept.pathname).toBe(invited.body.invitation.acceptPath);
    // Carol signs up with that address and follows the link.
    const carol = await createUser({ email, name: "Carol", password: "correct horse battery" });
    const { token } = await createToken(carol.id, "tests");
    const viaLink = await call(invitationLink.GET, { token, params: { token: accept.pathname.split("/").pop()! } });
    expect(viaLink.status).toBe(200);
    expect(viaLink.body.workspace.name).toBe("Invitation seminar");
    const accepted = await call(acceptInvitation.POST, {
      method: "POST",
      token,
      params: { invitationId: viaLink.body.id },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe("accepted");

    // An address with an account gets the same mail, and its in-app notification counts as mailed.
    const dave = await makeUser("dave");
    await call(members.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { email: dave.email, role: "researcher" },
    });
    const [daveMail] = await smtp.waitFor(dave.email);
    expect(daveMail!.subject).toBe("Test inviter invited you to Invitation seminar on Counterpoint");
    expect(daveMail!.rawHeaders.get("list-unsubscribe")).toBeTruthy();
    await sleep(300);
    const [notification] = (await notificationsOf(dave.id)).filter((row) => row.kind === "invitation");
    expect(notification?.emailedAt).toBeTruthy();

    // Someone who gathers invitations in the digest gets no mail now, and the digest names it.
    const gus = await makeUser("gus");
    await call(settings.PUT, { method: "PUT", token: gus.token, body: { delivery: { invitation: "digest" } } });
    await call(members.POST, {
      method: "POST",
      token: owner.token,
      params: { id: workspaceId },
      body: { email: gus.email, role: "viewer" },
    });
    await sleep(2_000);
    expect(smtp.to(gus.email)).toEqual([]);
    await sendDigests();
    const [digest] = await smtp.waitFor(gus.email);
    expect(digest!.subject).toBe("Your Counterpoint digest: Test inviter invited you to Invitation seminar as viewer");
    expect(linksIn(digest!)).toContain(`${site()}/workspaces`);
  });

  it("gathers a day's digest-mode notifications in one mail, and never mails them twice", async () => {
    const dora = await makeUser("dora");
    const bob = await makeUser("digest-bob");
    const title = "Digest document";
    const { workspaceId, documentId, annotationId } = await workspaceWithPassage(dora, title);
    await addMemberByInvitation(dora.token, workspaceId, bob, "researcher");
    await call(settings.PUT, { method: "PUT", token: dora.token, body: { delivery: { reply: "digest" } } });

    await replyTo(annotationId, bob, "First thought.");
    await replyTo(annotationId, bob, "Second thought.", "qualifies");
    const bobsPassage = await annotate(bob, documentId, "An alliance is avoided");
    const linked = await call(links.POST, {
      method: "POST",
      token: bob.token,
      body: { fromAnnotationId: bobsPassage, toAnnotationId: annotationId, relation: "contradicts", rationale: "No." },
    });
    expect(linked.status).toBe(201);
    const pending = (await notificationsOf(dora.id)).filter((row) => row.kind !== "invitation");
    expect(pending.map((row) => row.kind).sort()).toEqual(["link", "reply", "reply"]);
    // Nothing is mailed at once.
    await sleep(2_000);
    expect(smtp.to(dora.email)).toEqual([]);

    // The scheduled digest job runs: one mail with all three.
    await enqueueJob("mail.digest", {});
    const [digest] = await smtp.waitFor(dora.email);
    expect(digest!.subject).toBe(
      `Your Counterpoint digest: Test digest-bob replied opposes to your passage in ${title}, and 2 more`,
    );
    expect(digest!.text).toContain(`Test digest-bob replied qualifies to your passage in ${title}`);
    expect(digest!.text).toContain(`Test digest-bob linked your passage in ${title} (contradicts)`);
    expect(linksIn(digest!).filter((link) => link.includes(`/documents/${documentId}`))).toHaveLength(3);
    expect(listUnsubscribe(digest!).pathname).toMatch(/^\/api\/unsubscribe\//);
    await sleep(300);
    expect(
      (await notificationsOf(dora.id)).filter((row) => row.kind !== "invitation").every((row) => row.emailedAt),
    ).toBe(true);

    // The next digest has nothing new for Dora.
    await sendDigests();
    await sleep(300);
    expect(smtp.to(dora.email)).toHaveLength(1);
  });

  it("delays mail while the SMTP server is down and loses none", async () => {
    const erin = await makeUser("erin");
    const bob = await makeUser("outage-bob");
    const title = "Outage document";
    const { workspaceId, annotationId } = await workspaceWithPassage(erin, title);
    await addMemberByInvitation(erin.token, workspaceId, bob, "researcher");

    await smtp.stop();
    await replyTo(annotationId, bob, "Written while mail is down.");
    await replyTo(annotationId, bob, "And another.", "supports");
    await sleep(4_000);
    expect(smtp.to(erin.email)).toEqual([]);
    const waiting = (await notificationsOf(erin.id)).filter((row) => row.kind === "reply");
    expect(waiting).toHaveLength(2);
    expect(waiting.every((row) => row.emailedAt === null)).toBe(true);
    // The queue is retrying the mail jobs that failed.
    const retried = await db.$queryRaw<{ retries: number }[]>`
      SELECT max(retry_count)::int AS retries FROM pgboss.job WHERE name = 'mail.notification'
        AND data->'notificationIds' ?| ${waiting.map((row) => row.id)}::text[]`;
    expect(retried[0]!.retries).toBeGreaterThan(0);

    await smtp.start();
    const mails = await smtp.waitFor(erin.email, () => true, 2, 30_000);
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      `Test outage-bob replied opposes to your passage in ${title}`,
      `Test outage-bob replied supports to your passage in ${title}`,
    ]);
    await sleep(3_000);
    expect(smtp.to(erin.email)).toHaveLength(2);
    expect((await notificationsOf(erin.id)).filter((row) => row.kind === "reply").every((row) => row.emailedAt)).toBe(
      true,
    );
  });

  it("unsubscribes in one click without signing in, per kind or from everything", async () => {
    const fay = await makeUser("fay");
    const bob = await makeUser("unsub-bob");
    const { workspaceId, annotationId } = await workspaceWithPassage(fay, "Unsubscribe document");
    await addMemberByInvitation(fay.token, workspaceId, bob, "researcher");
    await replyTo(annotationId, bob, "Mail me not.");
    const [mail] = await smtp.waitFor(fay.email);
    const url = listUnsubscribe(mail!);
    const token = url.pathname.split("/").pop()!;

    // The mail client's one-click POST (RFC 8058), with no session or token.
    const done = await call(unsubscribeRoute.POST, {
      method: "POST",
      path: url.pathname,
      params: { token },
      rawBody: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(done.status).toBe(200);
    expect(done.body.scope).toBe("reply");
    expect(done.body.delivery).toMatchObject({ reply: "never", mention: "instant" });
    expect((await call(settings.GET, { token: fay.token })).body.delivery.reply).toBe("never");
    // Opening the link changes nothing: there is no GET, only the confirmation page.
    expect("GET" in unsubscribeRoute).toBe(false);

    // A reply now is in-app only.
    await replyTo(annotationId, bob, "Still here?");
    const latest = (await notificationsOf(fay.id)).filter((row) => row.kind === "reply").at(-1)!;
    expect(await sendNotificationMails([latest.id])).toEqual({ sent: 0 });
    await sleep(1_500);
    expect(smtp.to(fay.email)).toHaveLength(1);
    expect((await db.notification.findUniqueOrThrow({ where: { id: latest.id } })).emailedAt).toBeNull();

    // The page's "stop all email" form: every kind off, back to the page.
    const all = await call(unsubscribeRoute.POST, {
      method: "POST",
      params: { token },
      rawBody: "from=page&scope=all",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(all.status).toBe(303);
    expect(all.headers.get("location")).toBe(`/unsubscribe/${token}?done=all`);
    expect(Object.values((await call(settings.GET, { token: fay.token })).body.delivery)).toEqual(
      Array(7).fill("never"),
    );

    // Forged, altered or expired links do nothing.
    const expired = signUnsubscribeToken(fay.id, "mention", Date.now() - 61 * 24 * 60 * 60 * 1000);
    for (const bad of [expired, `${token.slice(0, -3)}abc`, "nonsense"])
      expectError(await call(unsubscribeRoute.POST, { method: "POST", params: { token: bad } }), 404);
  });

  it("sends nothing and queues nothing without SMTP_URL; the invite dialog gets the link to copy", async () => {
    const smtpUrl = process.env.SMTP_URL;
    delete process.env.SMTP_URL;
    try {
      const owner = await makeUser("no-mail");
      const { workspaceId } = await workspaceWithPassage(owner, "No mail");
      const email = uniqueEmail("nomail");
      const invited = await call(members.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { email, role: "viewer" },
      });
      expect(invited.status).toBe(201);
      expect(invited.body.invitation).toMatchObject({
        emailed: false,
        acceptPath: expect.stringMatching(/^\/invitations\//),
      });
      expect((await call(settings.GET, { token: owner.token })).body.emailEnabled).toBe(false);
      await sleep(1_500);
      expect(smtp.to(email)).toEqual([]);
      const queued = await db.$queryRaw<{ count: number }[]>`
        SELECT count(*)::int AS count FROM pgboss.job
        WHERE name = 'mail.invitation' AND data->>'invitationId' = ${invited.body.invitation.id as string}`;
      expect(queued[0]!.count).toBe(0);
    } finally {
      process.env.SMTP_URL = smtpUrl;
    }
  });
});
