import { describe, expect, it } from "vitest";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import { db } from "@/lib/db";
import { call, workspaceWithTeam } from "../support/api";

// Sentences that each occur once; the revision inserts a paragraph before them all, so every
// offset moves: an annotation resolved against the old text but stored after the revision
// would cover the wrong words.
const SENTENCES = Array.from(
  { length: 40 },
  (_, index) => `Clause ${index + 1} of the record says one consistent thing about item ${index + 1}.`,
);
const TEXT = SENTENCES.join("\n\n");
const REVISED = `A new opening paragraph pushes every other promise further down the page.\n\n${TEXT}`;

describe("an annotation never lands on text it was not made on", () => {
  it("annotations created while a revision commits are stored against the text they resolved on", async () => {
    for (let round = 0; round < 5; round += 1) {
      const { researcher, owner, workspaceId } = await workspaceWithTeam(`race-${round}`, "Revision race");
      const created = await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { title: "Record", text: TEXT },
      });
      const documentId = created.body.id as string;
      const annotate = (sentence: string) =>
        call(annotations.POST, {
          method: "POST",
          token: researcher.token,
          params: { id: documentId },
          body: {
            selectors: [
              { type: "TextQuoteSelector", exact: sentence },
              {
                type: "TextPositionSelector",
                start: TEXT.indexOf(sentence),
                end: TEXT.indexOf(sentence) + sentence.length,
              },
            ],
          },
        });
      const revise = call(documentText.PUT, {
        method: "PUT",
        token: owner.token,
        params: { id: documentId },
        body: { text: REVISED, version: 1 },
      });
      const results = await Promise.all([...SENTENCES.slice(0, 20).map(annotate), revise]);
      expect(results.every((result) => result.status < 500)).toBe(true);
      const document = await db.document.findUniqueOrThrow({ where: { id: documentId } });
      expect(document.version).toBe(2);
      const stored = await db.annotation.findMany({ where: { documentId } });
      expect(stored.length).toBeGreaterThan(0);
      const points = Array.from(document.text);
      for (const annotation of stored) {
        expect(annotation.anchoredVersion).toBe(2);
        expect(points.slice(annotation.start, annotation.end).join("")).toBe(annotation.quote);
      }
    }
  });
});
