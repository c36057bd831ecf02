import "server-only";
import { createHash } from "node:crypto";
import { notFound } from "next/navigation";
import { cache } from "react";
import { listAnchors } from "@/lib/annotations/annotation-services";
import { getSessionUser } from "@/lib/auth/current-user";
import { findDocument } from "@/lib/documents/find-document";
import { presentDocument } from "@/lib/documents/presenters";
import { AppError } from "@/lib/errors";
import { abilitiesFor } from "@/lib/policies/workspace-policy";
import { segmentText } from "./segment-text";

// For pages: the document if the visitor may read it (the same check as the
// API); otherwise a 404 page.
export const loadDocumentForPage = cache(async (documentId: string) => {
  const user = await getSessionUser();
  try {
    const { document, access } = await findDocument(user, documentId, "read");
    return { user, document, access, abilities: abilitiesFor(access) };
  } catch (error) {
    if (error instanceof AppError && ["not_found", "forbidden", "unauthenticated"].includes(error.code)) notFound();
    throw error;
  }
});

// The reader page renders the text with its highlights on the server; the
// annotation cards are fetched by the browser from the API after the text has
// painted, so a document with a thousand annotations opens as fast as a static page.
export const loadReader = cache(async (documentId: string) => {
  const { user, document, access, abilities } = await loadDocumentForPage(documentId);
  const anchors = await listAnchors(user, documentId, abilities.canModerate);
  return {
    user,
    workspace: access.workspace,
    abilities,
    document: presentDocument(document, { includeText: false }),
    paragraphs: segmentText(document.text, anchors),
    // Changes whenever the rendered highlights change, so client effects re-attach to them.
    highlightsKey: createHash("sha1").update(`${document.version}|${anchors.map((anchor) => `${anchor.id}:${anchor.start}:${anchor.end}:${anchor.color}`).join(",")}`).digest("hex"),
  };
});
