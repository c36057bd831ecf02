import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as documentText from "@/app/api/v1/documents/[id]/text/route";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as links from "@/app/api/v1/links/route";
import * as actions from "@/app/api/v1/moderation/actions/route";
import * as claims from "@/app/api/v1/workspaces/[id]/claims/route";
import * as claimPassages from "@/app/api/v1/claims/[id]/passages/route";
import * as collections from "@/app/api/v1/workspaces/[id]/collections/route";
import * as collectionItems from "@/app/api/v1/collections/[id]/items/route";
import * as collectionExport from "@/app/api/v1/collections/[id]/export/route";
import * as workspaceExport from "@/app/api/v1/workspaces/[id]/export/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { call, workspaceWithTeam } from "../support/api";

// Texts written for this test (no corpus): a town's argument over a sea-wall levy.
const LEVY =
  "The council's plan asks every household to pay the same levy, whatever the value of its house, and calls that fair.";
const PUMPS = "Nobody has yet costed the pumps.";
const HARBOR = `Harbor towns along the northern coast have long argued about how to pay for their sea walls. ${LEVY} Critics answer that a flat levy falls hardest on the poorest streets, which also flood first. A second proposal would tie the levy to the assessed value of each property. ${PUMPS}`;
const REGRESSIVE = "A flat levy is regressive";
const ENGINEER =
  "An engineer's view of the sea walls. A flat levy is regressive: the households least able to pay carry the same burden as the richest. Maintenance, not construction, is where the money goes.";
const GLOSSARY = "A glossary of coastal terms, with no passages marked yet.";

const COMMENT = "A **bold** claim:\n\n1. first\n2. second";
const RATIONALE = "Because **equal** is not *fair*:\n\n1. one\n2. two";
const SUMMARY = "**Settled** for now:\n\n1. alpha\n2. beta";
const NOTE = "**Why** this pair:\n\n1. levy\n2. burden";
const FAR_REPLY = "A reply on the far end of the link.";

async function seaWalls() {
  const team = await workspaceWithTeam("truth", "Sea walls");
  const { moderator, researcher, workspaceId } = team;
  const importText = async (title: string, text: string) =>
    (
      await call(documents.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: workspaceId },
        body: { title, text, authors: ["T. Writer"] },
      })
    ).body.id as string;
  const harbor = await importText("Harbor levy debate", HARBOR);
  const engineer = await importText("An engineer's view", ENGINEER);
  await importText("Coastal glossary", GLOSSARY);
  const annotate = async (documentId: string, text: string, quote: string, body: string) =>
    (
      await call(annotations.POST, {
        method: "POST",
        token: researcher.token,
        params: { id: documentId },
        body: { selectors: describeQuote(text, quote), body },
      })
    ).body.id as string;
  const levy = await annotate(harbor, HARBOR, LEVY, COMMENT);
  await annotate(harbor, HARBOR, PUMPS, "Costs missing.");
  const regressive = await annotate(engineer, ENGINEER, REGRESSIVE, "The engineer disagrees.");
  await call(replies.POST, {
    method: "POST",
    token: moderator.token,
    params: { id: regressive },
    body: { body: FAR_REPLY, stance: "supports" },
  });
  const linkId = (
    await call(links.POST, {
      method: "POST",
      token: researcher.token,
      body: { fromAnnotationId: levy, toAnnotationId: regressive, relation: "contradicts", rationale: RATIONALE },
    })
  ).body.id as string;
  await call(actions.POST, {
    method: "POST",
    token: moderator.token,
    body: { targetType: "annotation", targetId: levy, action: "resolve-thread", reason: "Done", summary: SUMMARY },
  });
  const claimId = (
    await call(claims.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: workspaceId },
      body: { title: "A flat levy is fair" },
    })
  ).body.id as string;
  await call(claimPassages.POST, {
    method: "POST",
    token: researcher.token,
    params: { id: claimId },
    body: { annotationId: levy, stance: "supports" },
  });
  // Version 2 drops the sentence about pumps: that passage becomes an orphan.
  const revised = await call(documentText.PUT, {
    method: "PUT",
    token: researcher.token,
    params: { id: harbor },
    body: { text: HARBOR.replace(` ${PUMPS}`, ""), version: 1 },
  });
  expect(revised.body.reanchoring).toMatchObject({ orphaned: 1 });
  return { ...team, harbor, engineer, levy, regressive, linkId };
}

const exportOf = async (token: string, workspaceId: string, format: string) =>
  call(workspaceExport.GET, { token, params: { id: workspaceId }, path: `/x?format=${format}` });

async function pdfPages(token: string, workspaceId: string) {
  const response = await workspaceExport.GET(
    new Request("http://localhost/x?format=pdf", { headers: { authorization: `Bearer ${token}` } }),
    { params: Promise.resolve({ id: workspaceId }) },
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " "));
}

describe("reports tell the truth", () => {
  it("writes Markdown as written, marks orphans with their version, prints the matrix and skips empty documents", async () => {
    const { researcher, workspaceId } = await seaWalls();
    const markdown = (await exportOf(researcher.token, workspaceId, "md")).body as string;
    for (const written of [COMMENT, RATIONALE, SUMMARY]) expect(markdown).toContain(written);
    expect(markdown).not.toContain("\\*\\*");
    expect(markdown).toContain(`> ${PUMPS}`);
    expect(markdown).toContain(
      "*Orphaned: this passage is no longer in the current text (version 2); quoted as annotated on version 1.*",
    );
    // The orphan comes after the passages still in the text.
    expect(markdown.indexOf(`> ${PUMPS}`)).toBeGreaterThan(markdown.indexOf(`> ${LEVY}`));
    expect(markdown).toContain(
      "### Documents × claims\n\n| Claim | Harbor levy debate | An engineer's view |\n| --- | --- | --- |\n| A flat levy is fair | supports (1 passage) | opposes (1 passage) |",
    );
    expect(markdown).toContain("- Documents without passages: Coastal glossary");
    expect(markdown).not.toContain("## Coastal glossary");
    // The link's heading cuts the long quote after a whole word.
    const heading = /^### “(.+?)…” contradicts/m.exec(markdown)![1]!;
    expect(LEVY.startsWith(heading)).toBe(true);
    expect(LEVY[heading.length]).toBe(" ");
  });

  it("prints the same truths as sanitized HTML and as PDF text with numbered lists", async () => {
    const { researcher, workspaceId } = await seaWalls();
    const html = (await exportOf(researcher.token, workspaceId, "html")).body as string;
    expect(html).toContain("Because <strong>equal</strong> is not <em>fair</em>:");
    expect(html).toMatch(/<ol>\s*<li>alpha<\/li>\s*<li>beta<\/li>\s*<\/ol>/);
    expect(html).toContain("Orphaned: this passage is no longer in the current text (version 2)");
    expect(html).toContain(
      '<td class="supports">supports (1 passage)</td><td class="opposes">opposes (1 passage)</td>',
    );
    expect(html).not.toMatch(/<h2>[^<]*Coastal glossary/);

    const pages = await pdfPages(researcher.token, workspaceId);
    const all = pages.join(" ");
    expect(all).toContain("Because equal is not fair: 1. one 2. two");
    expect(all).toContain("Settled for now: 1. alpha 2. beta");
    expect(all).toContain("quoted as annotated on version 1");
    expect(all).toContain("Documents × claims");
    // The glossary is named once, in the summary, and has no page of its own.
    expect(all.split("Coastal glossary")).toHaveLength(2);
    expect(pages.every((page) => !/^\s*Coastal glossary/.test(page))).toBe(true);
  });

  it("prints a collection's link with both passages and the threads its summary counts", async () => {
    const { moderator, researcher, workspaceId, linkId } = await seaWalls();
    const id = (
      await call(collections.POST, {
        method: "POST",
        token: moderator.token,
        params: { id: workspaceId },
        body: { title: "The levy", description: "Two sides:\n\n1. the council\n2. the engineer" },
      })
    ).body.id as string;
    await call(collectionItems.POST, {
      method: "POST",
      token: moderator.token,
      params: { id },
      body: { type: "link", id: linkId, note: NOTE },
    });
    const markdown = (
      await call(collectionExport.GET, { token: researcher.token, params: { id }, path: "/x?format=md" })
    ).body as string;
    expect(markdown).toContain("- Replies: 1");
    expect(markdown).toContain(FAR_REPLY);
    expect(markdown).toContain(COMMENT);
    expect(markdown).toContain(`**Curator's note:**\n\n${NOTE}`);
    expect(markdown).toContain("Two sides:\n\n1. the council\n2. the engineer");
    const html = (await call(collectionExport.GET, { token: researcher.token, params: { id }, path: "/x?format=html" }))
      .body as string;
    expect(html).toContain("<strong>Why</strong> this pair:");
    expect(html).toContain(FAR_REPLY);
  });
});
