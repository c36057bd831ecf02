import "server-only";
import { db } from "@/lib/db";
import {
  createAnnotation,
  deleteAnnotation,
  findAnnotation,
  updateAnnotation,
} from "@/lib/annotations/annotation-services";
import { AppError } from "@/lib/errors";
import { renderMarkdownInPool } from "@/lib/markdown/render-in-pool";
import { type Actor, authorizeWorkspace, signedIn } from "@/lib/policies/authorize-workspace";
import { visiblePassageWhere } from "@/lib/policies/item-visibility";
import { can, initialStatus } from "@/lib/policies/workspace-policy";
import { mentionsIn } from "@/lib/threads/workspace-mentions";
import { createWebSourceAnnotation, normalizeSourceUrl } from "@/lib/web-sources/web-source-services";
import { ANNO_CONTEXT, passageJsonLd } from "./annotation-jsonld";
import { type ContainerPreference, entityTag, LDP_CONTEXT, PAGE_SIZE } from "./protocol";
import { readW3cAnnotation, type W3cAnnotationInput } from "./w3c-input";

// Every workspace is a Web Annotation container of its passages (annotations on its documents and
// on its web sources), as the caller may see them: the one visibility rule (hidden only for
// moderators, pending also for their author), the one policy (a viewer reads, a researcher writes
// their own, moderators anyone's) through the annotation services the rest of the app uses.

export const containerIri = (baseUrl: string, workspaceId: string) => `${baseUrl}/api/annotations/${workspaceId}/`;
const pageIri = (container: string, page: number, iris: boolean) => `${container}?${iris ? "iris=1&" : ""}page=${page}`;

const PASSAGE_SELECT = {
  id: true,
  workspaceId: true,
  body: true,
  tags: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  quote: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  selectors: true,
  canonical: true,
  via: true,
  creator: { select: { id: true, name: true } },
  document: { select: { id: true, kind: true, sourceUrl: true } },
} as const;
type PassageRow = NonNullable<Awaited<ReturnType<typeof loadPassage>>>;

const loadPassage = (id: string) =>
  db.annotation.findFirst({ where: { id, deletedAt: null, document: { deletedAt: null } }, select: PASSAGE_SELECT });

const sourceOf = (row: PassageRow, baseUrl: string) =>
  row.document.kind === "webSource" ? row.document.sourceUrl! : `${baseUrl}/documents/${row.document.id}`;

export const annotationTag = (row: PassageRow) => entityTag(row.id, row.version, row.updatedAt.getTime());

function serialize(row: PassageRow, baseUrl: string) {
  const source = sourceOf(row, baseUrl);
  const target =
    row.document.kind === "webSource"
      ? { kind: "webSource" as const, source, selectors: row.selectors }
      : { kind: "document" as const, source };
  return passageJsonLd(row, `${containerIri(baseUrl, row.workspaceId)}${row.id}`, target, baseUrl);
}

export type W3cAnnotation = { iri: string; etag: string; jsonLd: object };
const present = (row: PassageRow, baseUrl: string): W3cAnnotation => ({
  iri: `${containerIri(baseUrl, row.workspaceId)}${row.id}`,
  etag: annotationTag(row),
  jsonLd: { "@context": ANNO_CONTEXT, ...serialize(row, baseUrl) },
});

async function readable(actor: Actor, workspaceId: string) {
  const access = await authorizeWorkspace(actor, workspaceId, "read");
  return {
    access,
    where: { workspaceId, ...visiblePassageWhere(actor?.id, can(access, "moderate")) },
  };
}

async function containerState(where: object) {
  const [total, latest] = await Promise.all([
    db.annotation.count({ where }),
    db.annotation.aggregate({ where, _max: { updatedAt: true } }),
  ]);
  const modified = latest._max.updatedAt;
  return { total, modified, lastPage: Math.max(0, Math.ceil(total / PAGE_SIZE) - 1) };
}

async function pageItems(where: object, page: number, iris: boolean, baseUrl: string) {
  const rows = await db.annotation.findMany({
    where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    skip: page * PAGE_SIZE,
    take: PAGE_SIZE,
    select: PASSAGE_SELECT,
  });
  return rows.map((row) => (iris ? `${containerIri(baseUrl, row.workspaceId)}${row.id}` : serialize(row, baseUrl)));
}

function pageLinks(container: string, page: number, lastPage: number, iris: boolean) {
  return {
    id: pageIri(container, page, iris),
    type: "AnnotationPage",
    startIndex: page * PAGE_SIZE,
    ...(page < lastPage ? { next: pageIri(container, page + 1, iris) } : {}),
    ...(page > 0 ? { prev: pageIri(container, page - 1, iris) } : {}),
  };
}

// GET of the container: the collection, with its first page embedded unless the client prefers
// a minimal container (then `first` and `last` are only IRIs). Contained IRIs or descriptions.
export async function getContainer(
  actor: Actor,
  workspaceId: string,
  baseUrl: string,
  preference: ContainerPreference,
) {
  const { access, where } = await readable(actor, workspaceId);
  const container = containerIri(baseUrl, workspaceId);
  const { total, modified, lastPage } = await containerState(where);
  const iris = preference === "iris";
  const jsonLd = {
    "@context": [ANNO_CONTEXT, LDP_CONTEXT],
    id: container,
    type: ["BasicContainer", "AnnotationCollection"],
    label: access.workspace.name,
    total,
    ...(modified ? { modified: modified.toISOString() } : {}),
    ...(total === 0
      ? {}
      : {
          first:
            preference === "minimal"
              ? pageIri(container, 0, false)
              : { ...pageLinks(container, 0, lastPage, iris), items: await pageItems(where, 0, iris, baseUrl) },
          last: pageIri(container, lastPage, iris),
        }),
  };
  const etag = entityTag(container, total, modified?.getTime() ?? 0, preference, actor?.id ?? "");
  return { jsonLd, etag, iri: container };
}

// GET of one AnnotationPage (?page=N, ?iris=1 for contained IRIs). Past the last page: 404.
export async function getContainerPage(
  actor: Actor,
  workspaceId: string,
  baseUrl: string,
  { page, iris }: { page: number; iris: boolean },
) {
  const { where } = await readable(actor, workspaceId);
  const container = containerIri(baseUrl, workspaceId);
  const { total, modified, lastPage } = await containerState(where);
  if (page > lastPage) throw new AppError("not_found", `This container has no page ${page}; its last is ${lastPage}.`);
  const jsonLd = {
    "@context": ANNO_CONTEXT,
    ...pageLinks(container, page, lastPage, iris),
    partOf: {
      id: container,
      total,
      ...(modified ? { modified: modified.toISOString() } : {}),
    },
    items: await pageItems(where, page, iris, baseUrl),
  };
  const etag = entityTag(pageIri(container, page, iris), total, modified?.getTime() ?? 0, actor?.id ?? "");
  return { jsonLd, etag, iri: pageIri(container, page, iris) };
}

// The document an IRI names: our own document IRIs (page or API) must name a document of this
// workspace; any other IRI is a document imported from it (its sourceUrl), if there is one.
async function documentForTarget(workspaceId: string, iri: string, baseUrl: string): Promise<string | null> {
  const url = new URL(iri);
  const own = url.origin === new URL(baseUrl).origin && /^\/(?:api\/v1\/)?documents\/([^/]+)\/?$/.exec(url.pathname);
  if (own) {
    const document = await db.document.findFirst({
      where: { id: own[1], workspaceId, kind: "document", deletedAt: null },
      select: { id: true },
    });
    if (!document)
      throw new AppError("unprocessable", "The target is not a document of this workspace.", {
        target: ["Not a document of this workspace."],
      });
    return document.id;
  }
  const imported = await db.document.findFirst({
    where: { workspaceId, kind: "document", sourceUrl: normalizeSourceUrl(iri), deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  return imported?.id ?? null;
}

// POST to the container. A target naming a workspace document becomes a passage of it (anchored
// by its selectors, as in the reader); any other IRI, a passage of the workspace's web source for it.
export async function createW3cAnnotation(
  actor: Actor,
  workspaceId: string,
  input: W3cAnnotationInput,
  baseUrl: string,
) {
  const access = await authorizeWorkspace(actor, workspaceId, "annotate");
  const author = signedIn(actor);
  const read = readW3cAnnotation(input);
  const provenance = { canonical: read.canonical ?? null, via: read.clientId ?? null };
  const documentId = await documentForTarget(workspaceId, read.source, baseUrl);
  let id: string;
  if (documentId) {
    if (!read.selectors.length)
      throw new AppError(
        "unprocessable",
        "An annotation on a document needs a TextQuoteSelector or TextPositionSelector.",
        {
          "target.selector": ["Give a TextQuoteSelector, a TextPositionSelector or both."],
        },
      );
    id = (
      await createAnnotation(
        actor,
        documentId,
        { selectors: read.selectors, body: read.body, tags: read.tags },
        provenance,
      )
    ).id;
  } else {
    const { mentionLinks } = await mentionsIn(read.body, workspaceId);
    const bodyHtml = await renderMarkdownInPool(read.body, { mentionLinks });
    const created = await db.$transaction((tx) =>
      createWebSourceAnnotation(tx, {
        workspaceId,
        url: read.source,
        selectors: read.selectors,
        body: read.body,
        bodyHtml,
        tags: read.tags,
        creatorId: author.id,
        status: initialStatus(access),
        ...provenance,
      }),
    );
    id = created.id;
  }
  return present((await loadPassage(id))!, baseUrl);
}

// One annotation of this container as the caller may see it (404 otherwise, as for any other id).
export async function getW3cAnnotation(actor: Actor, workspaceId: string, annotationId: string, baseUrl: string) {
  await authorizeWorkspace(actor, workspaceId, "read");
  const { annotation } = await findAnnotation(actor, annotationId);
  const row = annotation.workspaceId === workspaceId ? await loadPassage(annotationId) : null;
  if (!row) throw new AppError("not_found", "Annotation not found.");
  return present(row, baseUrl);
}

// PUT: the body and tags change (the author, or a moderator); the target cannot, and a canonical
// IRI, once given, is never changed. `checkTag` refuses a stale If-Match (412).
export async function replaceW3cAnnotation(
  actor: Actor,
  workspaceId: string,
  annotationId: string,
  input: W3cAnnotationInput,
  baseUrl: string,
  checkTag: (etag: string) => void,
) {
  const current = await getW3cAnnotation(actor, workspaceId, annotationId, baseUrl);
  checkTag(current.etag);
  const row = (await loadPassage(annotationId))!;
  const read = readW3cAnnotation(input);
  if (input.id !== undefined && input.id !== current.iri)
    throw new AppError("unprocessable", "The id of the annotation sent is not the IRI it is sent to.", {
      id: ["Not this annotation's IRI."],
    });
  if (normalizeSourceUrl(read.source) !== normalizeSourceUrl(sourceOf(row, baseUrl)))
    throw new AppError("unprocessable", "The target of an annotation cannot change: create a new annotation instead.", {
      target: ["Not this annotation's target."],
    });
  try {
    await updateAnnotation(actor, annotationId, { version: row.version, body: read.body, tags: read.tags });
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict")
      throw new AppError(
        "precondition_failed",
        "This annotation changed while it was being replaced. GET it again and retry.",
      );
    throw error;
  }
  if (!row.canonical && read.canonical)
    await db.annotation.update({ where: { id: annotationId }, data: { canonical: read.canonical } });
  return present((await loadPassage(annotationId))!, baseUrl);
}

export async function deleteW3cAnnotation(
  actor: Actor,
  workspaceId: string,
  annotationId: string,
  baseUrl: string,
  checkTag: (etag: string) => void,
) {
  const current = await getW3cAnnotation(actor, workspaceId, annotationId, baseUrl);
  checkTag(current.etag);
  await deleteAnnotation(actor, annotationId);
}
