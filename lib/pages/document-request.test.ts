import { describe, expect, it } from "vitest";
import { isDocumentLoad } from "./document-request";

describe("a document load", () => {
  it("is what a browser loads as a page, or any request that does not say what it is for", () => {
    expect(isDocumentLoad(new Headers({ "sec-fetch-dest": "document", accept: "text/html" }))).toBe(true);
    expect(isDocumentLoad(new Headers({ "sec-fetch-dest": "iframe" }))).toBe(true);
    // curl, a script's fetch (Accept: */*), an older browser
    expect(isDocumentLoad(new Headers({ accept: "*/*" }))).toBe(true);
    expect(isDocumentLoad(new Headers())).toBe(true);
  });

  it("is not the framework's fetch of a page's payload (a navigation, refresh or prefetch)", () => {
    expect(isDocumentLoad(new Headers({ "sec-fetch-dest": "empty", accept: "*/*" }))).toBe(false);
  });
});
