import "server-only";
import { describeRange } from "@/lib/anchoring/selectors";
import { db } from "@/lib/db";
import { contentHash } from "@/lib/documents/create-document";
import { AppError } from "@/lib/errors";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";
import { authorizeWorkspace, type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import type { ImportJson } from "@/lib/validations/export";
import type { Provenance } from "./provenance";

type Reply = ImportJson["links"][number]["replies"][number];

// Brings a JSON export into a workspace (owners): documents with their texts, passages at
// the same offsets, threads in the same shape, links between the same passages. A file
// can say anything about who wrote what and when, so nobody is made to speak by it: every
// item is authored by the importer and dated now, and the file's author and date are kept
// as quoted provenance (importedFrom; an item imported before keeps its first provenance).
// Everything is checked first and written in one transaction.
export async function importWorkspaceJson(actor: Actor, workspaceId: string, data: ImportJson) {
  await authorizeWorkspace(actor, workspaceId, "manage_workspace");
  const importer = signedIn(actor);
  const source = data.title ? `JSON export “${data.title}”` : "a JSON export";
  const provenance = (item: {
    author: { name: string };
    createdAt: string;
    importedFrom?: Provenance | null;
  }): Provenance => item.importedFrom ?? { author: item.author.name, createdAt: item.createdAt, source };
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

  const html = await renderAll(data);

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
              authorId: importer.id,
              importedFrom: provenance(reply),
              body: reply.body,
              bodyHtml: html.get(reply.body) ?? "",
              stance: reply.stance,
              status: reply.status,
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
            createdById: importer.id,
            revisions: {
              create: { version: 1, text: document.text, contentHash: hash, createdById: importer.id },
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
              creatorId: importer.id,
              importedFrom: provenance({ ...annotation, author: annotation.creator }),
              motivation: annotation.body.trim() ? "commenting" : "highlighting",
              selectors,
              start: annotation.start,
              end: annotation.end,
              quote: annotation.quote,
              prefix: selectors[0].prefix ?? "",
              suffix: selectors[0].suffix ?? "",
              body: annotation.body,
              bodyHtml: html.get(annotation.body) ?? "",
              tags: annotation.tags,
              color: annotation.color,
              status: annotation.status,
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
            rationaleHtml: html.get(link.rationale) ?? "",
            creatorId: importer.id,
            importedFrom: provenance({ ...link, author: link.creator }),
            status: link.status,
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

// Every body and rationale in the file, rendered in the untrusted-work pool before the
// transaction opens (one at a time: an import must not crowd out everyone else's Markdown).
async function renderAll(data: ImportJson): Promise<Map<string, string>> {
  const texts = new Set<string>();
  const addReplies = (replies: Reply[]) =>
    replies.forEach((reply) => {
      texts.add(reply.body);
      addReplies(reply.replies);
    });
  for (const document of data.documents)
    for (const annotation of document.annotations) {
      texts.add(annotation.body);
      addReplies(annotation.replies);
    }
  for (const link of data.links) {
    texts.add(link.rationale);
    addReplies(link.replies);
  }
  const html = new Map<string, string>();
  for (const text of texts) html.set(text, await renderMarkdownInPool(text));
  return html;
}
