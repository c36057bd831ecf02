// Import checks shared by the default suite (our fixture essays) and the corpus suite (the
// real commentaries): the same file formats and expectations, over different texts.
import { expect } from "vitest";
import * as document from "@/app/api/v1/documents/[id]/route";
import * as documents from "@/app/api/v1/workspaces/[id]/documents/route";
import { call } from "./api";
import { makeDocx, makePdf, multipart, wrap } from "./fixtures";

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export function upload(
  token: string,
  workspaceId: string,
  file: { name: string; type: string; bytes: Uint8Array },
  fields: Record<string, string> = {},
) {
  return call(documents.POST, { method: "POST", token, params: { id: workspaceId }, form: multipart(fields, file) });
}

const textOf = async (token: string, id: string): Promise<string> =>
  (await call(document.GET, { token, params: { id } })).body.text;

// A PDF made from `text`'s long lines keeps its title and author but never its file date as
// the publication date; a .docx of its long paragraphs is titled by its file name (not its
// first heading) and keeps every paragraph. Returns the imported .docx text for more checks.
export async function expectPdfAndDocxImports(options: {
  token: string;
  workspaceId: string;
  pdf: { text: string; title: string; author: string; fileName: string };
  docx: { text: string; heading: string; author: string; fileName: string };
}): Promise<string> {
  const { token, workspaceId, pdf, docx } = options;
  const lines = pdf.text
    .split("\n")
    .filter((line) => line.length > 200)
    .slice(0, 2);
  const pdfBytes = await makePdf({ title: pdf.title, author: pdf.author, pages: lines.map((line) => wrap(line)) });
  const fromPdf = await upload(token, workspaceId, { name: pdf.fileName, type: "application/pdf", bytes: pdfBytes });
  expect(fromPdf.status).toBe(201);
  expect(fromPdf.body).toMatchObject({
    title: pdf.title,
    authors: [pdf.author],
    sourceFormat: "pdf",
    // The file's CreationDate is when it was made, not when the work was published.
    publishedAt: null,
  });
  expect((await textOf(token, fromPdf.body.id)).replace(/\s+/g, " ")).toContain(
    lines[0]!.split(/\s+/).slice(0, 20).join(" "),
  );

  const paragraphs = docx.text
    .split("\n")
    .filter((line) => line.length > 100)
    .slice(0, 3);
  const docxBytes = await makeDocx({ heading: docx.heading, paragraphs });
  const fromDocx = await upload(
    token,
    workspaceId,
    { name: docx.fileName, type: DOCX_TYPE, bytes: docxBytes },
    { authors: docx.author },
  );
  expect(fromDocx.status).toBe(201);
  // Without title properties or a Title-style paragraph, the file's name titles it, not its first heading.
  const fileTitle = docx.fileName.replace(/\.docx$/, "");
  expect(fromDocx.body).toMatchObject({
    title: fileTitle[0]!.toUpperCase() + fileTitle.slice(1),
    authors: [docx.author],
    sourceFormat: "docx",
  });
  const docxText = await textOf(token, fromDocx.body.id);
  expect(docxText).toBe([docx.heading, ...paragraphs].join("\n\n"));
  return docxText;
}

// An article page around `text`'s long paragraphs, with metadata, navigation, styles and
// scripts: the import keeps the article's paragraphs and metadata and nothing else.
export async function expectHtmlImport(options: {
  token: string;
  workspaceId: string;
  text: string;
  title: string;
  author: string;
  slug: string;
}) {
  const { token, workspaceId, text, title, author, slug } = options;
  const paragraphs = text
    .split("\n")
    .filter((line) => line.length > 200)
    .slice(0, 4);
  const html = `<!doctype html><html><head><title>Site | Article</title>
      <meta property="og:title" content="${title}"><meta name="author" content="${author}">
      <meta property="article:published_time" content="2021-03-01T00:00:00Z"><link rel="canonical" href="https://example.org/${slug}">
      <style>body{color:red}</style><script>window.stolen = document.cookie</script></head>
      <body><nav><a href="/">Home</a> <a href="/about">About us</a></nav>
      <article><h1>${title}</h1>${paragraphs.map((paragraph) => `<p onclick="alert(1)">${paragraph}</p>`).join("")}
      <script>alert("xss")</script></article><footer>Copyright notice</footer></body></html>`;
  const created = await upload(token, workspaceId, {
    name: `${slug}.html`,
    type: "text/html",
    bytes: new TextEncoder().encode(html),
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    title,
    authors: [author],
    sourceUrl: `https://example.org/${slug}`,
    publishedAt: "2021-03-01T00:00:00.000Z",
    sourceFormat: "html",
  });
  const imported = await textOf(token, created.body.id);
  // HTML collapses runs of whitespace, so double spaces in the source become single ones.
  for (const paragraph of paragraphs) expect(imported).toContain(paragraph.replace(/\s+/g, " "));
  expect(imported).not.toMatch(/alert|stolen|color:red|About us|Copyright/);
}
