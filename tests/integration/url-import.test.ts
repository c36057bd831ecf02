import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import * as document from "@/app/api/v1/documents/[id]/route";
import { call, expectError, workspaceWithTeam } from "../support/api";

// Our own small pages, served by a server this test starts on 127.0.0.1.
const ARTICLE = `<!doctype html><html><head><title>Lanterns of the Night Market</title>
<meta name="author" content="Ada Quill"></head><body><article><h1>Lanterns of the Night Market</h1>
<p>Every stall on the quay hangs a paper lantern after the fishing boats come in.</p>
<p>The lantern makers' guild sets the colours each spring.</p></article></body></html>`;

let server: http.Server;
let base: string;
let slowResponses: http.ServerResponse[] = [];

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    if (path === "/article" || path === "/article/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(ARTICLE);
    } else if (path === "/notes.txt") {
      response.writeHead(200, { "content-type": "text/plain" });
      response.end("Tide tables for the harbour, kept by the pilots since the old lighthouse burned.");
    } else if (path === "/moved") {
      response.writeHead(301, { location: "/article" });
      response.end();
    } else if (path === "/to-metadata") {
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" });
      response.end();
    } else if (path === "/to-loopback") {
      response.writeHead(302, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/article` });
      response.end();
    } else if (path === "/loop") {
      response.writeHead(302, { location: "/loop" });
      response.end();
    } else if (path === "/big") {
      // No content-length: the cap must hold while reading.
      response.writeHead(200, { "content-type": "text/html" });
      const chunk = `<p>${"lantern ".repeat(1000)}</p>`;
      let sent = 0;
      const more = () => {
        while (sent < 3 * 1024 * 1024) {
          sent += chunk.length;
          if (!response.write(chunk)) return response.once("drain", more);
        }
        response.end();
      };
      more();
    } else if (path === "/declared-big") {
      response.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
      response.write("<p>start</p>");
    } else if (path === "/slow") {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<html><body><p>The first lantern");
      slowResponses.push(response); // never finished
    } else if (path === "/image") {
      response.writeHead(200, { "content-type": "image/png" });
      response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    } else {
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not here");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://localhost:${(server.address() as AddressInfo).port}`;
});

// The harness allows loopback (scripts/lib/test-env.ts); each test says what it allows.
const harnessAllows = process.env.URL_IMPORT_ALLOW_PRIVATE;
beforeEach(() => {
  delete process.env.URL_IMPORT_ALLOW_PRIVATE;
});

afterEach(() => {
  slowResponses.forEach((response) => response.destroy());
  slowResponses = [];
  delete process.env.URL_IMPORT_ALLOW_PRIVATE;
  delete process.env.URL_IMPORT_TIMEOUT_MS;
  delete process.env.URL_IMPORT_MAX_BYTES;
});

afterAll(async () => {
  if (harnessAllows !== undefined) process.env.URL_IMPORT_ALLOW_PRIVATE = harnessAllows;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("import from a URL", () => {
  it("fetches an article and imports it like an uploaded HTML file, keeping the address", async () => {
    process.env.URL_IMPORT_ALLOW_PRIVATE = "127.0.0.1,::1";
    const { owner, viewer, workspaceId } = await workspaceWithTeam("url", "URL import");
    const importUrl = (token: string, body: object) =>
      call(documents.POST, { method: "POST", token, params: { id: workspaceId }, body });

    const created = await importUrl(owner.token, { url: `${base}/moved` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: "Lanterns of the Night Market",
      authors: ["Ada Quill"],
      sourceUrl: `${base}/moved`,
      sourceFormat: "html",
    });
    const read = await call(document.GET, { token: owner.token, params: { id: created.body.id } });
    expect(read.body.text).toContain("Every stall on the quay hangs a paper lantern");
    expect(read.body.text).not.toContain("<p>");

    // Plain text is imported too; metadata sent with the address wins.
    const notes = await importUrl(owner.token, { url: `${base}/notes.txt`, title: "Tide tables" });
    expect(notes.status).toBe(201);
    expect(notes.body).toMatchObject({ title: "Tide tables", sourceFormat: "text", sourceUrl: `${base}/notes.txt` });

    // The same page again is a duplicate like any other import; a viewer may not import.
    expectError(await importUrl(owner.token, { url: `${base}/article` }), 409);
    expectError(await importUrl(viewer.token, { url: `${base}/article` }), 403);
  });

  it("answers every failure with a clear 4xx", async () => {
    process.env.URL_IMPORT_ALLOW_PRIVATE = "127.0.0.1,::1";
    const { owner, workspaceId } = await workspaceWithTeam("url-fail", "URL failures");
    const attempt = async (url: string, status: number, reason: string) => {
      const result = await call(documents.POST, {
        method: "POST",
        token: owner.token,
        params: { id: workspaceId },
        body: { url },
      });
      expectError(result, status);
      expect(result.body.error.reason, url).toBe(reason);
      return result;
    };

    await attempt("ftp://example.org/article.html", 422, "scheme");
    await attempt("file:///etc/passwd", 422, "scheme");
    await attempt("not a url", 422, "invalid_url");
    await attempt(`${base}/image`, 415, "unsupported_type");
    await attempt(`${base}/missing`, 422, "remote_status");
    await attempt(`${base}/loop`, 422, "too_many_redirects");
    await attempt(`${base}/declared-big`, 413, "too_large");
    process.env.URL_IMPORT_MAX_BYTES = String(1024 * 1024);
    await attempt(`${base}/big`, 413, "too_large");
    process.env.URL_IMPORT_TIMEOUT_MS = "800";
    const started = Date.now();
    const slow = await attempt(`${base}/slow`, 422, "timeout");
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(slow.body.error.message).toMatch(/did not arrive/);
    // Nothing listens there.
    await attempt("http://127.0.0.1:1/article", 422, "unreachable");
  });

  it("refuses private, loopback and link-local addresses, also behind a redirect or a name", async () => {
    const { owner, workspaceId } = await workspaceWithTeam("url-private", "URL private");
    const attempt = (url: string) =>
      call(documents.POST, { method: "POST", token: owner.token, params: { id: workspaceId }, body: { url } });
    const port = (server.address() as AddressInfo).port;

    // Not allowed at all: a literal loopback address, and a name that resolves to one.
    for (const url of [`http://127.0.0.1:${port}/article`, `${base}/article`, `http://[::1]:${port}/article`]) {
      const refused = await attempt(url);
      expectError(refused, 422);
      expect(refused.body.error.reason, url).toBe("refused_address");
    }

    // The test server itself allowed, but where it redirects is checked again.
    process.env.URL_IMPORT_ALLOW_PRIVATE = "127.0.0.1,::1";
    for (const path of ["/to-metadata", "/to-loopback"]) {
      const refused = await attempt(`${base}${path}`);
      expectError(refused, 422);
      expect(refused.body.error.reason, path).toBe("refused_address");
    }
    expect((await attempt(`${base}/article`)).status).toBe(201);
  });
});
