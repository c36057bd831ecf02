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
});
