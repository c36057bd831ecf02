import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { XSS_PAYLOADS } from "@/tests/support/xss-payloads";
import { renderMarkdown } from "./render-markdown";

const RUNNABLE_ELEMENTS =
  "script, iframe, object, embed, svg, math, style, link, meta, base, form, input, button, template, frame, frameset, applet";
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "background", "poster"];

// What in this HTML could run script: elements, event-handler attributes, script URLs.
function liveMarkup(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = Array.from(
    document.querySelectorAll(RUNNABLE_ELEMENTS),
    (element) => `<${element.tagName.toLowerCase()}>`,
  );
  for (const element of Array.from(document.querySelectorAll("*"))) {
    for (const attribute of Array.from(element.attributes)) {
      const value = attribute.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      if (/^on/i.test(attribute.name)) found.push(`${attribute.name}=`);
      if (URL_ATTRIBUTES.includes(attribute.name.toLowerCase()) && /^(javascript|vbscript|data):/.test(value))
        found.push(`${attribute.name}=${value.slice(0, 30)}`);
      if (attribute.name === "style") found.push("style=");
    }
  }
  return found;
}

describe("Markdown rendering against known XSS payloads", () => {
  it(`renders all ${XSS_PAYLOADS.length} payloads inert`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    for (const payload of XSS_PAYLOADS) expect(liveMarkup(renderMarkdown(payload)), payload).toEqual([]);
  });
  it("the check itself finds live markup", () => {
    expect(liveMarkup('<img src=x onerror="alert(1)"><a href=" JavaScript:alert(1)">x</a><script>1</script>')).toEqual([
      "<script>",
      "onerror=",
      "href=javascript:alert(1)",
    ]);
  });
});
