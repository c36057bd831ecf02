// JSON answers are gzipped for clients that accept it; downloads and event streams are not.
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as documentExport from "@/app/api/v1/documents/[id]/export/route";
import * as events from "@/app/api/v1/workspaces/[id]/events/route";
import * as me from "@/app/api/v1/me/route";
import { call, workspaceWithTeam } from "../support/api";

const TEXT = Array.from({ length: 80 }, (_, index) => `Paragraph ${index} on trade, trust and treaties.`).join("\n\n");

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route types its own params
type Handler = (request: Request, context: { params: Promise<any> }) => Promise<Response>;

async function raw(handler: Handler, token: string, params: Record<string, string>, encoding?: string, path = "") {
  const request = new Request(`http://localhost/api/test${path}`, {
    headers: { authorization: `Bearer ${token}`, ...(encoding ? { "accept-encoding": encoding } : {}) },
  });
  return handler(request, { params: Promise.resolve(params) });
}

describe("compressed answers", () => {
  it("gzips a large JSON answer for a client that accepts it, and only then", async () => {
    const team = await workspaceWithTeam("gzip", "Compressed");
    const created = await call(documents.POST, {
      method: "POST",
      token: team.owner.token,
      params: { id: team.workspaceId },
      body: { title: "Long enough to compress", text: TEXT },
    });
    const id = created.body.id as string;
    const plain = await raw(document.GET, team.viewer.token, { id });
    expect(plain.headers.get("content-encoding")).toBeNull();
    const expected = await plain.json();

    const zipped = await raw(document.GET, team.viewer.token, { id }, "gzip, deflate, br");
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get("content-encoding")).toBe("gzip");
    expect(zipped.headers.get("vary")).toMatch(/Accept-Encoding/);
    const bytes = new Uint8Array(await zipped.arrayBuffer());
    expect(bytes.byteLength).toBeLessThan(JSON.stringify(expected).length / 3);
    expect(JSON.parse(gunzipSync(bytes).toString("utf8"))).toEqual(expected);

    // Small answers go as they are.
    const small = await raw(me.GET, team.viewer.token, {}, "gzip");
    expect(small.headers.get("content-encoding")).toBeNull();
    expect((await small.json()).id).toBe(team.viewer.id);

    // A download (even of JSON) streams as it is written; a live stream is never held in a compressor.
    const exported = await raw(documentExport.GET, team.viewer.token, { id }, "gzip", "?format=json");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toMatch(/json/);
    expect(exported.headers.get("content-disposition")).toMatch(/attachment/);
    expect(exported.headers.get("content-encoding")).toBeNull();
    await exported.body?.cancel();
    const stream = await raw(events.GET, team.viewer.token, { id: team.workspaceId }, "gzip");
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    expect(stream.headers.get("content-encoding")).toBeNull();
    await stream.body?.cancel();

    process.env.COMPRESS = "off";
    try {
      const off = await raw(document.GET, team.viewer.token, { id }, "gzip");
      expect(off.headers.get("content-encoding")).toBeNull();
    } finally {
      delete process.env.COMPRESS;
    }
  });
});
