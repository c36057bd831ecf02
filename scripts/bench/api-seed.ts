// The API benchmark's workspace: the four corpus documents, 1,000 annotations,
// 5,000 replies (threads two levels deep) and 500 links, written directly.
import { describeRange } from "@/lib/anchoring/selectors";
import { hashPassword } from "@/lib/auth/password";
import { createDb } from "@/lib/db";
import { normalizeText } from "@/lib/documents/import/normalize-text";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { readCorpus } from "@/tests/support/corpus";
import { seededRandom, simulateAnnotations } from "@/tests/support/simulate-revision";

export const BENCH_PASSWORD = "bench api password";
const FILES = [
  "lin-2023-axis-takes-shape.txt",
  "istomin-2021-avoiding-an-alliance.txt",
  "forum-2022-alliance-tightening.txt",
  "kowalewski-2018-countering-encirclement.txt",
];
const STANCES = ["supports", "opposes", "qualifies", "asks"] as const;
const RELATIONS = ["agrees", "contradicts", "qualifies", "elaborates"] as const;

export type ApiBenchWorld = {
  workspaceId: string;
  users: { email: string }[];
  documentIds: string[];
  annotationIds: string[];
  replyIds: string[];
  replyAuthors: number[];
};

export async function seedApiBench(
  url: string,
  sizes = { users: 16, annotations: 1000, replies: 5000, links: 500 },
): Promise<ApiBenchWorld> {
  const db = createDb(url);
  const random = seededRandom(3);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const users = await db.user.createManyAndReturn({
    data: Array.from({ length: sizes.users }, (_, index) => ({
      email: `bench-api-${index}@bench.example`,
      name: `Bench Researcher ${index}`,
      passwordHash,
    })),
  });
  const workspace = await db.workspace.create({
    data: {
      name: "API benchmark",
      memberships: {
        create: users.map((user, index) => ({
          userId: user.id,
          role: index === 0 ? ("owner" as const) : ("researcher" as const),
        })),
      },
    },
  });
  const documents = [];
  for (const file of FILES) {
    const text = normalizeText(readCorpus(file));
    documents.push(
      await db.document.create({
        data: {
          workspaceId: workspace.id,
          title: file.replace(/\.txt$/, ""),
          text,
          contentHash: file,
          createdById: users[0]!.id,
          revisions: { create: { version: 1, text, contentHash: file, createdById: users[0]!.id } },
        },
      }),
    );
  }
  const perDocument = sizes.annotations / documents.length;
  const annotations = [];
  for (const [documentIndex, document] of documents.entries()) {
    const rows = simulateAnnotations(document.text, perDocument, 20 + documentIndex).map((annotation, index) => {
      const body = `Note ${index}: this passage **matters** for the argument.`;
      return {
        workspaceId: workspace.id,
        documentId: document.id,
        creatorId: pick(users).id,
        selectors: describeRange(document.text, annotation.start, annotation.end),
        start: annotation.start,
        end: annotation.end,
        quote: annotation.quote,
        prefix: annotation.prefix,
        suffix: annotation.suffix,
        body,
        bodyHtml: renderMarkdown(body),
        tags: [pick(["evidence", "claim", "alliance", "method"])],
      };
    });
    annotations.push(...(await db.annotation.createManyAndReturn({ data: rows, select: { id: true } })));
  }
  // Replies in rounds: the first to annotations, later ones answering earlier replies of the same thread.
  const replyIds: string[] = [];
  // Who wrote each reply (an index into users): nobody votes on their own.
  const replyAuthors: number[] = [];
  const threadOf = new Map<string, string>();
  const perThread = sizes.replies / annotations.length;
  for (let round = 0; round < perThread; round += 1) {
    const rows = annotations.map((annotation) => {
      const siblings = replyIds.filter((id) => threadOf.get(id) === annotation.id);
      const body = `Reply ${round} in this thread, with an argument.`;
      return {
        workspaceId: workspace.id,
        annotationId: annotation.id,
        parentId: siblings.length && random() < 0.6 ? pick(siblings) : null,
        authorId: pick(users).id,
        body,
        bodyHtml: renderMarkdown(body),
        stance: pick(STANCES),
      };
    });
    for (const created of await db.reply.createManyAndReturn({
      data: rows,
      select: { id: true, annotationId: true, authorId: true },
    })) {
      replyIds.push(created.id);
      replyAuthors.push(users.findIndex((user) => user.id === created.authorId));
      threadOf.set(created.id, created.annotationId!);
    }
  }
  const pairs = new Set<string>();
  const links = [];
  while (links.length < sizes.links) {
    const from = pick(annotations).id;
    const to = pick(annotations).id;
    const relation = pick(RELATIONS);
    if (from === to || pairs.has(`${from}|${to}|${relation}`)) continue;
    pairs.add(`${from}|${to}|${relation}`);
    links.push({
      workspaceId: workspace.id,
      fromAnnotationId: from,
      toAnnotationId: to,
      relation,
      rationale: "Benchmark link",
      creatorId: pick(users).id,
    });
  }
  await db.passageLink.createMany({ data: links });
  // As autovacuum would after bulk loading: planner statistics for the new rows.
  await db.$executeRawUnsafe("ANALYZE");
  await db.$disconnect();
  return {
    workspaceId: workspace.id,
    users: users.map((user) => ({ email: user.email })),
    documentIds: documents.map((document) => document.id),
    annotationIds: annotations.map((annotation) => annotation.id),
    replyIds,
    replyAuthors,
  };
}
