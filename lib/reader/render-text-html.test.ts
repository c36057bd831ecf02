import { describe, expect, it } from "vitest";
import { renderTextHtml } from "./render-text-html";
import { segmentText } from "./segment-text";

describe("renderTextHtml", () => {
  it("renders paragraphs with offsets and overlapping marks by annotation index, escaping the text", () => {
    const { html, annotationIds } = renderTextHtml(
      segmentText("<b>Bold</b> & “quoted”.\nNext", [
        { id: "a1", start: 0, end: 11, color: "blue" },
        { id: "b2", start: 4, end: 16, color: "javascript:alert(1)" },
      ]),
    );
    expect(annotationIds).toEqual(["a1", "b2"]);
    expect(html).toBe(
      '<p data-o="0"><mark data-a="0" class="hl-blue">&#60;b&#62;B</mark>' +
        '<mark data-a="0 1" data-depth="2">old&#60;/b&#62;</mark>' +
        '<mark data-a="1"> &#38; “q</mark>uoted”.</p><p data-o="24">Next</p>',
    );
  });

  it("renders structure: headings with ids, lists, quotes, footnotes and page boundaries, offsets unchanged", () => {
    const text = "Title\n\nOne\n\nA\n\nB\n\nSaid\n\nNote";
    const blocks = [
      { type: "heading" as const, level: 1, start: 0, end: 5, page: 1 },
      { type: "paragraph" as const, start: 7, end: 10, page: 1 },
      { type: "list-item" as const, start: 12, end: 13, page: 2 },
      { type: "list-item" as const, start: 15, end: 16, page: 2 },
      { type: "quote" as const, start: 18, end: 22, page: 2 },
      { type: "footnote" as const, start: 24, end: 28, page: 3 },
    ];
    const { html } = renderTextHtml(segmentText(text, [{ id: "a", start: 9, end: 13, color: null }]), blocks);
    expect(html).toBe(
      '<h2 data-o="0" id="s-0">Title</h2><p data-o="7">On<mark data-a="0">e</mark></p>' +
        '<ul><li data-o="12" data-page="2"><mark data-a="0">A</mark></li><li data-o="15">B</li></ul>' +
        '<blockquote data-o="18">Said</blockquote><p data-o="24" class="footnote" data-page="3">Note</p>',
    );
  });

  it("renders heading levels without gaps below the page's title", () => {
    const text = "A\n\nB\n\nC\n\nD";
    const levels = [3, 5, 3, 4];
    const blocks = levels.map((level, index) => ({
      type: "heading" as const,
      level,
      start: index * 3,
      end: index * 3 + 1,
    }));
    const { html } = renderTextHtml(segmentText(text, []), blocks);
    expect(html.match(/<h\d/g)).toEqual(["<h2", "<h3", "<h2", "<h3"]);
  });

  it("shows a first heading that repeats the document's title as a title line, not a second heading", () => {
    const text = "Rivers  Without Borders\n\nBody.\n\nA Shared Basin";
    const blocks = [
      { type: "heading" as const, level: 1, start: 0, end: 23 },
      { type: "paragraph" as const, start: 25, end: 30 },
      { type: "heading" as const, level: 2, start: 32, end: 46 },
    ];
    const { html } = renderTextHtml(segmentText(text, []), blocks, { title: "Rivers Without Borders" });
    expect(html).toBe(
      '<p data-o="0" class="title-line" id="s-0">Rivers  Without Borders</p><p data-o="25">Body.</p>' +
        '<h2 data-o="32" id="s-32">A Shared Basin</h2>',
    );
  });
});
