import { describe, expect, it } from "vitest";
import { findMentions } from "./mentions";

const members = [
  { id: "u1", name: "Ada Lovelace", email: "ada@example.org" },
  { id: "u2", name: "Bo", email: "b.o@example.org" },
];

describe("findMentions", () => {
  it("finds members by name without spaces or by email handle, once each", () => {
    expect(findMentions("@AdaLovelace and @ada, see @b.o.", members).sort()).toEqual(["u1", "u2"]);
  });
  it("ignores email addresses, unknown handles and code-like text", () => {
    expect(findMentions("write to ada@example.org or @nobody", members)).toEqual([]);
  });
  it("works after punctuation and with non-Latin text around it", () => {
    expect(findMentions("（@ada）同意", members)).toEqual(["u1"]);
  });
});
