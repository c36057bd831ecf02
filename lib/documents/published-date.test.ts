import { describe, expect, it } from "vitest";
import { formatPublished, parsePublished, publishedInputValue } from "./published-date";

describe("published dates", () => {
  it("keeps the precision the source gave", () => {
    expect(parsePublished("2023")).toEqual({ at: new Date("2023-01-01T00:00:00Z"), precision: "year" });
    expect(parsePublished("2023-09")).toEqual({ at: new Date("2023-09-01T00:00:00Z"), precision: "month" });
    expect(parsePublished("2023-09-15")).toEqual({ at: new Date("2023-09-15T00:00:00Z"), precision: "day" });
    expect(parsePublished("2023-09-15T10:00:00+02:00")?.precision).toBe("day");
    for (const bad of ["", "23", "2023-13", "September", "2023-09-xx"]) expect(parsePublished(bad)).toBeNull();
  });

  it("shows a date only as precisely as it is known", () => {
    const at = new Date("2023-09-15T00:00:00Z");
    expect(formatPublished(at, "year")).toBe("2023");
    expect(formatPublished(at, "month")).toBe("September 2023");
    expect(formatPublished(at.toISOString(), "day")).toBe("15 September 2023");
    expect(publishedInputValue(at, "month")).toBe("2023-09");
    expect(publishedInputValue(at, "year")).toBe("2023");
  });
});
