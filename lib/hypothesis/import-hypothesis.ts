import "server-only";
import { reanchorAll, type AnchorResult } from "@/lib/anchoring/reanchor";
import { resolveSelectors } from "@/lib/anchoring/resolve-selectors";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";
import { authorizeWorkspace, type Actor, signedIn } from "@/lib/policies/authorize-workspace";
import { initialStatus } from "@/lib/policies/workspace-policy";
import { hypothesisAnnotationSchema, type HypothesisAnnotation } from "@/lib/validations/hypothesis";
import { createWebSourceAnnotation, type WebSelector } from "@/lib/web-sources/web-source-services";
import { cleanPageUrl, pageKey } from "./page-url";

type Tx = Prisma.TransactionClient;

export type Unplaced = { hypothesisId: string | null; uri: string | null; reason: string };
export type HypothesisImportReport = {
  annotations: number;
  anchored: number;
  moved: number;
  orphaned: number;
  webSources: number;
  replies: number;
  alreadyImported: number;
  unplaced: Unplaced[];
};

const SOURCE = "Hypothesis";

// Brings a Hypothesis export into a workspace. An annotation on a page whose address matches
// a document's sourceUrl (lib/hypothesis/page-url.ts) is anchored on the document by its quote
// and context (Hypothesis's TextPosition offsets count the page's text, not ours, so they only
// break ties): found exactly, it is anchored; found only approximately (the fuzzy search of
// re-anchoring), moved; not found, it is kept as an orphan of the document. An annotation on
// any other page goes to that page's web source. Replies become threads with the stance
// `unknown` (Hypothesis has none; none is invented). As in every import, the importer is the
// author and the original account and date are kept as quoted provenance, with the Hypothesis
// id, so importing the same export again adds only what is new. What cannot be placed is
// listed with its reason; everything is written in one transaction.
export async function importHypothesis(
  actor: Actor,
  workspaceId: string,
  items: unknown[],
): Promise<HypothesisImportReport> {
  const access = await authorizeWorkspace(actor, workspaceId, "import");
  const importer = signedIn(actor);
  const status = initialStatus(access);
  const report: HypothesisImportReport = {
    annotations: items.length,
    anchored: 0,
    moved: 0,
    orphaned: 0,
    webSources: 0,
    replies: 0,
    alreadyImported: 0,
    unplaced: [],
  };

  const valid: HypothesisAnnotation[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const parsed = hypothesisAnnotationSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const raw = item as { id?: unknown; uri?: unknown } | null;
      report.unplaced.push({
        hypothesisId: typeof raw?.id === "string" ? raw.id.slice(0, 100) : null,
        uri: typeof raw?.uri === "string" ? raw.uri.slice(0, 4_000) : null,
        reason: `Item ${index + 1} is not a Hypothesis annotation: ${issue.path.join(".") || "it"} — ${issue.message}`,
      });
    } else if (seen.has(parsed.data.id)) {
      report.unplaced.push({ ...where(parsed.data), reason: "The same id appears twice in the file." });
    } else {
      seen.add(parsed.data.id);
      valid.push(parsed.data);
    }
  });
  if (items.length > 0 && valid.length === 0)
    throw new AppError("unprocessable", "Nothing in this file is a Hypothesis annotation.", {
      annotations: report.unplaced.slice(0, 5).map((item) => item.reason),
    });

  const html = new Map<string, string>();
  for (const text of new Set(valid.map((annotation) => annotation.text).filter(Boolean)))
    html.set(text, await renderMarkdownInPool(text));

  return db.$transaction(
    async (tx) => {
      // One Hypothesis import at a time per workspace: the same export sent twice at once is not doubled.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`hypothesis-import:${workspaceId}`}))`;
      const known = await importedIds(tx, workspaceId);
      const fresh = valid.filter((annotation) => {
        if (!known.annotations.has(annotation.id) && !known.replies.has(annotation.id)) return true;
        report.alreadyImported += 1;
        return false;
      });
      const documents = await documentsByPage(tx, workspaceId);
      const provenance = (annotation: HypothesisAnnotation) => ({
        author: authorName(annotation),
        createdAt: annotation.created,
        source: SOURCE,
        hypothesisId: annotation.id,
        uri: annotation.uri.slice(0, 2_000),
      });
      const common = (annotation: HypothesisAnnotation) => ({
        workspaceId,
        creatorId: importer.id,
        body: annotation.text,
        bodyHtml: html.get(annotation.text) ?? "",
        tags: annotation.tags,
        status,
        importedFrom: provenance(annotation),
      });

      for (const annotation of fresh.filter((item) => item.references.length === 0)) {
        const selectors = textSelectors(annotation);
        const quote = selectors.find((selector): selector is QuoteSelector => selector.type === "TextQuoteSelector");
        if (!quote?.exact.trim()) {
          report.unplaced.push({
            ...where(annotation),
            reason: "A page note (it quotes no passage): there is nothing to anchor it to.",
          });
          continue;
        }
        const document = documents.get(pageKey(annotation.uri));
        if (!document) {
          const row = await createWebSourceAnnotation(tx, {
            ...common(annotation),
            url: cleanPageUrl(annotation.uri),
            title: annotation.document?.title,
            selectors,
          });
          known.annotations.set(annotation.id, row.id);
          report.webSources += 1;
          continue;
        }
        const result = anchor(document.text, selectors, quote);
        const placed = result.status === "orphaned" ? null : result;
        const row = await tx.annotation.create({
          data: {
            ...common(annotation),
            documentId: document.id,
            motivation: annotation.text.trim() ? "commenting" : "highlighting",
            selectors: placed
              ? [
                  { type: "TextQuoteSelector", exact: placed.quote, prefix: placed.prefix, suffix: placed.suffix },
                  { type: "TextPositionSelector", start: placed.start, end: placed.end },
                ]
              : [{ type: "TextQuoteSelector", exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }],
            start: placed?.start ?? 0,
            end: placed?.end ?? 0,
            quote: placed?.quote ?? quote.exact,
            prefix: placed?.prefix ?? quote.prefix,
            suffix: placed?.suffix ?? quote.suffix,
            anchorStatus: result.status,
            anchoredVersion: document.version,
          },
        });
        known.annotations.set(annotation.id, row.id);
        report[result.status] += 1;
        if (result.status === "orphaned")
          report.unplaced.push({
            ...where(annotation),
            reason: `Its quote was not found in “${document.title}”: kept there as an orphan (shown apart, with its quote).`,
          });
      }

      // Replies: ancestors first (Hypothesis lists each reply's ancestors, root first).
      const replies = fresh
        .filter((item) => item.references.length > 0)
        .sort((a, b) => a.references.length - b.references.length || a.created.localeCompare(b.created));
      for (const reply of replies) {
        const annotationId = known.annotations.get(reply.references[0]!);
        if (!annotationId) {
          report.unplaced.push({
            ...where(reply),
            reason:
              "A reply to an annotation that is neither in the file nor imported before (or could not be placed).",
          });
          continue;
        }
        if (!reply.text.trim()) {
          report.unplaced.push({ ...where(reply), reason: "An empty reply." });
          continue;
        }
        // The nearest ancestor that is here: a reply whose parent was deleted answers the one above it.
        const parentRef = reply.references
          .slice(1)
          .reverse()
          .find((ref) => known.replies.has(ref));
        const row = await tx.reply.create({
          data: {
            workspaceId,
            annotationId,
            parentId: parentRef ? known.replies.get(parentRef)! : null,
            authorId: importer.id,
            body: reply.text,
            bodyHtml: html.get(reply.text) ?? "",
            stance: "unknown",
            status,
            importedFrom: provenance(reply),
          },
        });
        known.replies.set(reply.id, row.id);
        report.replies += 1;
      }
      return report;
    },
    { timeout: 120_000 },
  );
}

const where = (annotation: HypothesisAnnotation) => ({ hypothesisId: annotation.id, uri: annotation.uri });

// "acct:ada@hypothes.is" → its display name when the export gives one, else "ada".
function authorName(annotation: HypothesisAnnotation): string {
  const display = annotation.user_info?.display_name?.trim();
  if (display) return display.slice(0, 200);
  const account = annotation.user.replace(/^acct:/, "");
  return (account.split("@")[0] || account || "unknown").slice(0, 200);
}

type QuoteSelector = { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string };

// The first target's quote and position selectors (RangeSelectors point into the page's DOM).
function textSelectors(annotation: HypothesisAnnotation): WebSelector[] {
  const selectors = annotation.target.flatMap((target) => target.selector ?? []);
  const quote = selectors.find((selector) => selector.type === "TextQuoteSelector") as
    { exact: string; prefix?: string; suffix?: string } | undefined;
  const position = selectors.find((selector) => selector.type === "TextPositionSelector") as
    { start: number; end: number } | undefined;
  const result: WebSelector[] = [];
  if (quote)
    result.push({
      type: "TextQuoteSelector",
      exact: quote.exact,
      prefix: quote.prefix ?? "",
      suffix: quote.suffix ?? "",
    });
  if (position && position.end > position.start)
    result.push({ type: "TextPositionSelector", start: position.start, end: position.end });
  return result;
}

// Exactly (the quote as written, or with its whitespace as our text has it): anchored; only
// approximately, with its context agreeing: moved; else orphaned.
function anchor(text: string, selectors: WebSelector[], q: QuoteSelector): AnchorResult {
  const collapse = (value: string) => value.replace(/\s+/g, " ");
  for (const exact of new Set([q.exact, collapse(q.exact).trim()])) {
    const found = resolveSelectors(
      text,
      selectors.map((selector) =>
        selector.type === "TextQuoteSelector" ? { ...selector, exact, prefix: q.prefix, suffix: q.suffix } : selector,
      ),
    );
    if (found) return { status: "anchored", ...found };
  }
  return reanchorAll("", text, [
    { start: 0, end: 0, quote: q.exact, prefix: q.prefix, suffix: q.suffix, hasPosition: false },
  ])[0]!;
}

// The workspace's documents by page key (documents only: web sources are not anchored onto).
async function documentsByPage(tx: Tx, workspaceId: string) {
  const rows = await tx.document.findMany({
    where: { workspaceId, kind: "document", deletedAt: null, sourceUrl: { not: null } },
    select: { id: true, title: true, text: true, version: true, sourceUrl: true },
    orderBy: { createdAt: "asc" },
  });
  const byPage = new Map<string, (typeof rows)[number]>();
  for (const row of rows) if (!byPage.has(pageKey(row.sourceUrl!))) byPage.set(pageKey(row.sourceUrl!), row);
  return byPage;
}

// Hypothesis ids already in the workspace (importedFrom.hypothesisId), with our ids.
async function importedIds(tx: Tx, workspaceId: string) {
  const annotations = await tx.$queryRaw<{ id: string; hid: string }[]>`
    SELECT id, "importedFrom"->>'hypothesisId' AS hid FROM "Annotation"
    WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND "importedFrom" ? 'hypothesisId'`;
  const replies = await tx.$queryRaw<{ id: string; hid: string }[]>`
    SELECT id, "importedFrom"->>'hypothesisId' AS hid FROM "Reply"
    WHERE "workspaceId" = ${workspaceId} AND "deletedAt" IS NULL AND "importedFrom" ? 'hypothesisId'`;
  return {
    annotations: new Map(annotations.map((row) => [row.hid, row.id])),
    replies: new Map(replies.map((row) => [row.hid, row.id])),
  };
}
