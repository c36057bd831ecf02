import "server-only";
import { describeRange } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { contentHash } from "@/lib/documents/create-document";
import { AppError } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { authorizeWorkspace, type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import type { ImportJson } from "@/lib/validations/export";

type Reply = ImportJson["links"][number]["replies"][number];

// Brings a JSON export into a workspace (owners): documents with their texts, passages at
// the same offsets, threads in the same shape, links between the same passages. Authors
// who are members here keep their items; others' items are attributed to the importer.
// Everything is checked first and written in one transaction.
export async function importWorkspaceJson(actor: Actor, workspaceId: string, data: ImportJson) {
  await authorizeWorkspace(actor, workspaceId, "manage_workspace");
  const members = new Set(
    (await db.membership.findMany({ where: { workspaceId }, select: { userId: true } })).map((row) => row.userId),
  );
  const authorOf = (person: { id: string }) => (members.has(person.id) ? person.id : signedIn(actor).id);
  const refs = new Set<string>();
  data.documents.forEach((document, documentIndex) =>
    document.annotations.forEach((annotation, index) => {
      const quote = Array.from(document.text).slice(annotation.start, annotation.end).join("");
      if (annotation.end <= annotation.start || quote !== annotation.quote) {
        throw new AppError("unprocessable", "A passage's quote does not match its document's text at its offsets.", {
          [`documents.${documentIndex}.annotations.${index}`]: ["quote ≠ text[start, end)"],
        });
      }
      refs.add(annotation.ref);
    }),
  );
  data.links.forEach((link, index) => {
    if (!refs.has(link.from) || !refs.has(link.to) || link.from === link.to)
      throw new AppError("unprocessable", "A link refers to a passage that is not in the file.", {
        [`links.${index}`]: ["unknown passage"],
      });
  });

  return db.$transaction(
    async (transaction) => {
      const ids = new Map<string, string>();
      const counts = { documents: 0, annotations: 0, replies: 0, links: 0 };
      const createReplies = async (
        replies: Reply[],
        thread: { annotationId: string } | { linkId: string },
        parentId: string | null,
      ) => {
        for (const reply of replies) {
          const created = await transaction.reply.create({
            data: {
              workspaceId,
              ...thread,
              parentId,
              authorId: authorOf(reply.author),
              body: reply.body,
              bodyHtml: renderMarkdown(reply.body),
              stance: reply.stance,
              status: reply.status,
              createdAt: new Date(reply.createdAt),
            },
          });
          counts.replies += 1;
          await createReplies(reply.replies, thread, created.id);
        }
      };
      for (const document of data.documents) {
        const hash = contentHash(document.text);
        const created = await transaction.document.create({
          data: {
            workspaceId,
            title: document.title,
            authors: document.authors,
            sourceUrl: document.sourceUrl,
            publishedAt: document.publishedAt ? new Date(document.publishedAt) : null,
            publishedPrecision: document.publishedPrecision,
            sourceFormat: "text",
            text: document.text,
            contentHash: hash,
            createdById: signedIn(actor).id,
            revisions: {
              create: { version: 1, text: document.text, contentHash: hash, createdById: signedIn(actor).id },
            },
          },
        });
        counts.documents += 1;
        for (const annotation of document.annotations) {
          const selectors = describeRange(document.text, annotation.start, annotation.end);
          const row = await transaction.annotation.create({
            data: {
              workspaceId,
              documentId: created.id,
              creatorId: authorOf(annotation.creator),
              motivation: annotation.body.trim() ? "commenting" : "highlighting",
              selectors,
              start: annotation.start,
              end: annotation.end,
              quote: annotation.quote,
              prefix: selectors[0].prefix ?? "",
              suffix: selectors[0].suffix ?? "",
              body: annotation.body,
              bodyHtml: renderMarkdown(annotation.body),
              tags: annotation.tags,
              color: annotation.color,
              status: annotation.status,
              createdAt: new Date(annotation.createdAt),
            },
          });
          ids.set(annotation.ref, row.id);
          counts.annotations += 1;
          await createReplies(annotation.replies, { annotationId: row.id }, null);
        }
      }
      for (const link of data.links) {
        const row = await transaction.passageLink.create({
          data: {
            workspaceId,
            fromAnnotationId: ids.get(link.from)!,
            toAnnotationId: ids.get(link.to)!,
            relation: link.relation,
            rationale: link.rationale,
            rationaleHtml: renderMarkdown(link.rationale),
            creatorId: authorOf(link.creator),
            status: link.status,
            createdAt: new Date(link.createdAt),
          },
        });
        counts.links += 1;
        await createReplies(link.replies, { linkId: row.id }, null);
      }
      return counts;
    },
    { timeout: 120_000 },
  );
}
