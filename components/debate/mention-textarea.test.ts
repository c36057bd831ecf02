import { describe, expect, it } from "vitest";
import { matchMembers, mentionAt } from "./mention-textarea";

const members = [
  { userId: "1", name: "Alice Amara", email: "alice@example.org" },
  { userId: "2", name: "Bruno Brandt", email: "bb@example.org" },
];

describe("mention autocomplete", () => {
  it("finds the @word being typed before the caret, not an email", () => {
    expect(mentionAt("I disagree, @Ali", 16)).toEqual({ start: 12, query: "Ali" });
    expect(mentionAt("@", 1)).toEqual({ start: 0, query: "" });
    expect(mentionAt("mail me at bb@example", 21)).toBeNull();
    expect(mentionAt("@Ali is here", 12)).toBeNull();
  });

  it("matches handles, names and email names", () => {
    expect(matchMembers(members, "ali").map((m) => m.userId)).toEqual(["1"]);
    expect(matchMembers(members, "BrunoB").map((m) => m.userId)).toEqual(["2"]);
    expect(matchMembers(members, "bb").map((m) => m.userId)).toEqual(["2"]);
    expect(matchMembers(members, "").map((m) => m.userId)).toEqual(["1", "2"]);
  });
});
