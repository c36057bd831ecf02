// Seeds the demo workspace once; running it again changes nothing.
import { createHash } from "node:crypto";
import { describeQuote } from "../../lib/anchoring/selectors";
import { hashPassword } from "../../lib/auth/password";
import { renderMarkdown } from "../../lib/markdown/render-markdown";
import type { Db } from "../../lib/db";
import {
  DEMO_ANNOTATIONS,
  DEMO_CLAIMS,
  DEMO_COLLECTION,
  DEMO_DOCUMENTS,
  DEMO_LINKS,
  DEMO_PASSWORD,
  DEMO_REPLIES,
  DEMO_USERS,
  DEMO_WORKSPACE,
} from "./demo-content";

export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  if (await db.user.findUnique({ where: { email: DEMO_USERS[0].email } })) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction(async (tx) => {
    const users = new Map<string, string>();
    for (const demo of DEMO_USERS) {
      const user = await tx.user.create({ data: { email: demo.email, name: demo.name, passwordHash } });
      users.set(demo.email, user.id);
    }
    const owner = users.get(DEMO_USERS[0].email)!;
    const workspace = await tx.workspace.create({
      data: {
        ...DEMO_WORKSPACE,
        memberships: { create: DEMO_USERS.map((demo) => ({ userId: users.get(demo.email)!, role: demo.role })) },
      },
    });
    const documents = [];
    for (const demo of DEMO_DOCUMENTS) {
      const contentHash = createHash("sha256").update(demo.text).digest("hex");
      documents.push(
        await tx.document.create({
          data: {
            workspaceId: workspace.id,
            title: demo.title,
            authors: [...demo.authors],
            publishedAt: new Date(demo.publishedAt),
            text: demo.text,
            contentHash,
            createdById: owner,
            revisions: { create: { version: 1, text: demo.text, contentHash, createdById: owner } },
          },
        }),
      );
    }
    const annotations = new Map<string, string>();
    for (const demo of DEMO_ANNOTATIONS) {
      const document = documents[demo.document]!;
      const selectors = describeQuote(document.text, demo.quote);
      if (!selectors) throw new Error(`Demo quote not found: ${demo.quote}`);
      const [quote, position] = selectors;
      const annotation = await tx.annotation.create({
        data: {
          workspaceId: workspace.id,
          documentId: document.id,
          creatorId: users.get(demo.creator)!,
          selectors,
          start: position.start,
          end: position.end,
          quote: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
          body: demo.body,
          bodyHtml: renderMarkdown(demo.body),
          tags: [...demo.tags],
          color: demo.color,
        },
      });
      annotations.set(demo.key, annotation.id);
    }
    const replies: string[] = [];
    for (const demo of DEMO_REPLIES) {
      const reply = await tx.reply.create({
        data: {
          workspaceId: workspace.id,
          annotationId: annotations.get(demo.annotation)!,
          parentId: "parent" in demo ? replies[demo.parent] : undefined,
          authorId: users.get(demo.author)!,
          stance: demo.stance,
          body: demo.body,
          bodyHtml: renderMarkdown(demo.body),
        },
      });
      replies.push(reply.id);
    }
    const links: string[] = [];
    for (const demo of DEMO_LINKS) {
      const link = await tx.passageLink.create({
        data: {
          workspaceId: workspace.id,
          fromAnnotationId: annotations.get(demo.from)!,
          toAnnotationId: annotations.get(demo.to)!,
          relation: demo.relation,
          rationale: demo.rationale,
          rationaleHtml: renderMarkdown(demo.rationale),
          creatorId: users.get(demo.creator)!,
        },
      });
      links.push(link.id);
    }
    for (const demo of DEMO_CLAIMS) {
      await tx.claim.create({
        data: {
          workspaceId: workspace.id,
          title: demo.title,
          creatorId: owner,
          passages: {
            create: demo.passages.map((passage) => ({
              annotationId: annotations.get(passage.annotation)!,
              stance: passage.stance,
            })),
          },
        },
      });
    }
    await tx.collection.create({
      data: {
        workspaceId: workspace.id,
        title: DEMO_COLLECTION.title,
        description: DEMO_COLLECTION.description,
        createdById: owner,
        items: {
          create: DEMO_COLLECTION.items.map((item, position) =>
            "link" in item
              ? { linkId: links[item.link]!, note: item.note, position }
              : { annotationId: annotations.get(item.annotation)!, note: item.note, position },
          ),
        },
      },
    });
  });
  return { created: true };
}
