import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as annotations from "@/app/api/v1/documents/[id]/annotations/route";
import * as replies from "@/app/api/v1/annotations/[id]/replies/route";
import * as moderation from "@/app/api/v1/moderation/actions/route";
import * as globalSearch from "@/app/api/v1/search/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as search from "@/app/api/v1/workspaces/[id]/search/route";
import * as workspace from "@/app/api/v1/workspaces/[id]/route";
import { describeQuote } from "@/lib/anchoring/selectors";
import { parseSearchQuery } from "@/lib/search/parse-query";
import { tsQuerySql } from "@/lib/search/search-query-sql";
import { migrate } from "@/scripts/lib/migrate";
import { call, makeUser, workspaceWithTeam } from "../support/api";

// Texts written for this test: the punctuation, scripts and forms that broke search.
const TEXTS = {
  partnership:
    "Officials praised a “no limits” partnership. Institutions—such as the joint council—were meant to build a climate of “trust”. " +
    "Critics called it an axis of convenience, and Russia’s envoy rejected unilateralism. The statement used the phrase " +
    "全面战略协作伙伴关系 twice. Россия и Китай signed in Zürich, over café diplomacy; Sino-Russian drills followed.",
  decoy:
    "The convenience of an axis is that it never binds. Nobody believed the limitless promises of the summit, " +
    "and the council met only once.",
  japanese: "日本と中国の関係は複雑である。The Japanese summary speaks of neighbours.",
};

// Query → which of the texts it must find (in any order), and nothing else.
const CASES: Array<[query: string, expected: Array<keyof typeof TEXTS>]> = [
  ["no limits ", ["partnership"]],
  ["trust ", ["partnership"]],
  ["unilateralism ", ["partnership"]],
  ['"axis of convenience"', ["partnership"]],
  ["axis of convenience ", ["partnership", "decoy"]],
  ["convenience -unilateralism ", ["decoy"]],
  ["unilateralism OR nobody ", ["partnership", "decoy"]],
  ["全面", ["partnership"]],
  ["战略协作 ", ["partnership"]],
  ["⾯", ["partnership"]], // U+2FAF, the compatibility form of 面
  ["中国", ["japanese"]],
  ["Russia's ", ["partnership"]],
  ["Russia’s ", ["partnership"]],
  ["россии ", ["partnership"]],
  ["РОССИЯ ", ["partnership"]],
  ["zurich ", ["partnership"]],
  ["Zürich ", ["partnership"]],
  ["cafe ", ["partnership"]],
  ["sino-russian ", ["partnership"]],
  ["institutions—such ", ["partnership"]],
  ["unilat", ["partnership"]], // typing: a prefix of the word
  ["institutio", ["partnership"]], // a prefix longer than the word's stem
  ["the of and ", []],
  ["“", []],
];

describe("search finds every word", () => {
  let context: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    context = await setup();
  });

  async function setup() {
    const team = await workspaceWithTeam("search", "Search");
    const ids: Record<string, string> = {};
    for (const [key, text] of Object.entries(TEXTS)) {
      const created = await call(documents.POST, {
        method: "POST",
        token: team.owner.token,
        params: { id: team.workspaceId },
        body: { title: `Text ${key}`, text },
      });
      ids[created.body.id] = key;
    }
    return { ...team, ids };
  }

  const find = (token: string | undefined, workspaceId: string, q: string, extra: Record<string, string> = {}) =>
    call(search.GET, {
      token,
      params: { id: workspaceId },
      path: `/api/v1/workspaces/${workspaceId}/search?${new URLSearchParams({ q, ...extra })}`,
    });

  it.each(CASES)("%j finds %j", async (query, expected) => {
    const result = await find(context.viewer.token, context.workspaceId, query, { type: "documents" });
    expect(result.status).toBe(200);
    expect(result.body.documents.map((hit: { id: string }) => context.ids[hit.id]).sort()).toEqual(
      [...expected].sort(),
    );
  });

  it("cuts snippets from the original text, marks the words found and gives the match for the reader", async () => {
    const result = await find(context.viewer.token, context.workspaceId, "trust ", { type: "documents" });
    const [hit] = result.body.documents;
    expect(hit.snippetHtml).toContain("“<mark>trust</mark>”");
    expect(hit.snippetHtml).not.toMatch(/<(?!\/?mark>)/);
    const text = TEXTS.partnership;
    expect(Array.from(text).slice(hit.match.start, hit.match.end).join("")).toBe("trust");
    const cjk = (await find(context.viewer.token, context.workspaceId, "全面 ", { type: "documents" })).body
      .documents[0];
    expect(cjk.snippetHtml).toContain("<mark>全面</mark>");
  });

  it("searches comments as their reader reads them, replies too, and an author's own pending items", async () => {
    const { owner, researcher, viewer, moderator, workspaceId } = context;
    const documentId = Object.keys(context.ids).find((id) => context.ids[id] === "partnership")!;
    const selectors = describeQuote(TEXTS.partnership, "axis of convenience")!;
    const annotation = await call(annotations.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: documentId },
      body: { selectors, body: "**Strongly** overstated, see [the brief](https://example.org/brief)." },
    });
    expect(annotation.status).toBe(201);
    const reply = await call(replies.POST, {
      method: "POST",
      token: viewer.token,
      params: { id: annotation.body.id },
      body: { body: "Doubtful: the *trust deficit* is real.", stance: "opposes" },
    });
    // Viewers cannot reply; the owner can.
    const ownerReply =
      reply.status === 201
        ? reply
        : await call(replies.POST, {
            method: "POST",
            token: owner.token,
            params: { id: annotation.body.id },
            body: { body: "Doubtful: the *trust deficit* is real.", stance: "opposes" },
          });
    expect(ownerReply.status).toBe(201);

    const comment = (await find(viewer.token, workspaceId, "strongly ")).body;
    expect(comment.annotations).toHaveLength(1);
    expect(comment.annotations[0].snippetHtml).toContain("<mark>Strongly</mark> overstated, see the brief");
    expect(comment.annotations[0].snippetHtml).not.toMatch(/\*\*|\]\(/);
    const replyHits = (await find(viewer.token, workspaceId, "deficit ")).body.replies;
    expect(replyHits.map((hit: { id: string }) => hit.id)).toEqual([ownerReply.body.id]);
    expect(replyHits[0].snippetHtml).toContain("<mark>deficit</mark>");
    expect(replyHits[0].passageId).toBe(annotation.body.id);

    // Pre-moderation: the author finds their pending passage; other readers do not; moderators do.
    await call(workspace.PATCH, {
      method: "PATCH",
      token: owner.token,
      params: { id: workspaceId },
      body: { preModeration: true },
    });
    const pending = await call(annotations.POST, {
      method: "POST",
      token: researcher.token,
      params: { id: documentId },
      body: { selectors: describeQuote(TEXTS.partnership, "café diplomacy")!, body: "Pending thought about diplomacy" },
    });
    expect(pending.body.status).toBe("pending");
    const ids = async (token: string) =>
      (await find(token, workspaceId, "diplomacy ", { type: "annotations" })).body.annotations.map(
        (hit: { id: string }) => hit.id,
      );
    expect(await ids(researcher.token)).toEqual([pending.body.id]);
    expect(await ids(viewer.token)).toEqual([]);
    expect(await ids(moderator.token)).toEqual([pending.body.id]);

    // Hidden: gone for the author and readers, still found (marked) by moderators.
    await call(moderation.POST, {
      method: "POST",
      token: moderator.token,
      body: { targetType: "annotation", targetId: annotation.body.id, action: "hide", reason: "test" },
    });
    expect((await find(researcher.token, workspaceId, "strongly ")).body.annotations).toEqual([]);
    expect((await find(viewer.token, workspaceId, "deficit ")).body.replies).toEqual([]);
    const forModerator = (await find(moderator.token, workspaceId, "strongly ")).body.annotations;
    expect(forModerator.map((hit: { status: string }) => hit.status)).toEqual(["hidden"]);
  });

  it("pages with a cursor", async () => {
    const first = await find(context.viewer.token, context.workspaceId, "the ", { type: "documents", limit: "1" });
    const all = await find(context.viewer.token, context.workspaceId, "council ", { type: "documents", limit: "1" });
    expect(first.body.documents).toEqual([]);
    expect(all.body.documents).toHaveLength(1);
    expect(all.body.nextCursor).toBe("1");
    const next = await find(context.viewer.token, context.workspaceId, "council ", {
      type: "documents",
      limit: "1",
      cursor: "1",
    });
    expect(next.body.documents).toHaveLength(1);
    expect(next.body.documents[0].id).not.toBe(all.body.documents[0].id);
    expect(next.body.nextCursor).toBeNull();
  });

  it("searches every workspace the caller can read, and narrows to one", async () => {
    const { owner, outsider } = context;
    const { POST: createWorkspace } = await import("@/app/api/v1/workspaces/route");
    const second = (await call(createWorkspace, { method: "POST", token: owner.token, body: { name: "Second" } })).body
      .id;
    await call(documents.POST, {
      method: "POST",
      token: owner.token,
      params: { id: second },
      body: { title: "Elsewhere", text: "Unilateralism returns in a second workspace." },
    });
    const stranger = await makeUser("search-stranger");
    const strangers = (
      await call(createWorkspace, { method: "POST", token: stranger.token, body: { name: "Private" } })
    ).body.id;
    await call(documents.POST, {
      method: "POST",
      token: stranger.token,
      params: { id: strangers },
      body: { title: "Not yours", text: "Unilateralism in a workspace the owner cannot read." },
    });
    const everywhere = (q: string, token?: string, workspaceId?: string) =>
      call(globalSearch.GET, {
        token,
        path: `/api/v1/search?${new URLSearchParams({ q, type: "documents", ...(workspaceId ? { workspaceId } : {}) })}`,
      });
    const found = (await everywhere("unilateralism ", owner.token)).body.documents;
    expect(found.map((hit: { workspace: { id: string } }) => hit.workspace.id).sort()).toEqual(
      [context.workspaceId, second].sort(),
    );
    const narrowed = (await everywhere("unilateralism ", owner.token, second)).body.documents;
    expect(narrowed.map((hit: { title: string }) => hit.title)).toEqual(["Elsewhere"]);
    expect((await everywhere("unilateralism ", outsider.token)).body.documents).toEqual([]);
    expect((await everywhere("unilateralism ", undefined, strangers)).body.documents).toEqual([]);
  });
});

// The same normalization on servers whose databases have other character types: the
// embedded default (builtin C.UTF-8, whose ctype is C), libc's C and libc's C.UTF-8.
describe("search is the same whatever the database's locale", () => {
  const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
  const databases: string[] = [];
  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    for (const name of databases) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it.each(["C", "C.UTF-8"])("libc ctype %s", async (locale) => {
    const name = `search_locale_${locale.replace(/\W/g, "").toLowerCase()}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(
      `CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER libc LC_COLLATE '${locale}' LC_CTYPE '${locale}'`,
    );
    await admin.end();
    databases.push(name);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    await migrate(url.toString());
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const ctype = await client.query("SELECT datctype FROM pg_database WHERE datname = current_database()");
      expect(ctype.rows[0].datctype).toBe(locale);
      await client.query("CREATE TEMP TABLE t (key text, v tsvector)");
      for (const [key, text] of Object.entries(TEXTS)) {
        await client.query("INSERT INTO t VALUES ($1, counterpoint_search_vector($2, 'C'))", [key, text]);
      }
      for (const [query, expected] of CASES) {
        const parsed = parseSearchQuery(query);
        const tsQuery = tsQuerySql(parsed);
        const rows = parsed.groups.length
          ? (await client.query(`SELECT key FROM t WHERE v @@ (${tsQuery.text}) ORDER BY key`, tsQuery.values)).rows
          : [];
        expect(
          rows.map((row) => row.key),
          `${locale}: ${query}`,
        ).toEqual([...expected].sort());
      }
    } finally {
      await client.end();
    }
  });
});
