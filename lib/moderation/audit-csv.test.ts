import { describe, expect, it } from "vitest";
import { auditCsv } from "./audit-csv";

describe("auditCsv", () => {
  it("quotes commas, quotes and newlines, keeps Unicode, and defuses formulas", () => {
    const csv = auditCsv([
      {
        createdAt: "2026-11-23T10:00:00.000Z",
        actor: "Mo “Moderator”",
        action: "hide",
        targetType: "reply",
        targetId: "r1",
        target: "“A reply’s first words…”",
        reason: 'Off topic, and "rude"\nsecond line',
      },
      {
        createdAt: "2026-11-23T10:01:00.000Z",
        actor: "=cmd|' /C calc'!A0",
        action: "pin",
        targetType: "annotation",
        targetId: "a1",
        target: null,
        reason: "全面战略协作伙伴关系",
      },
    ]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("created,actor,action,target type,target,target id,reason");
    expect(lines[1]).toBe(
      '2026-11-23T10:00:00.000Z,Mo “Moderator”,hide,reply,“A reply’s first words…”,r1,"Off topic, and ""rude""\nsecond line"',
    );
    expect(lines[2]).toBe("2026-11-23T10:01:00.000Z,'=cmd|' /C calc'!A0,pin,annotation,,a1,全面战略协作伙伴关系");
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});
