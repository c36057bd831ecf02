import { describe, expect, it } from "vitest";
import { makeDocx } from "@/tests/support/fixtures";
import { makeDocxBomb } from "@/tests/support/hostile-files";
import { refuseDocxBomb } from "./docx-limits";

describe("refuseDocxBomb", () => {
  it("lets a real Word document through and refuses one that unpacks to gigabytes, before inflating it", async () => {
    expect(() => refuseDocxBomb(new Uint8Array(0))).not.toThrow();
    const docx = await makeDocx({ heading: "Harbour", paragraphs: ["The levy rose twice."] });
    expect(() => refuseDocxBomb(docx)).not.toThrow();
    const bomb = await makeDocxBomb(512 * 2 ** 20);
    expect(bomb.byteLength).toBeLessThan(2 ** 20);
    expect(() => refuseDocxBomb(bomb)).toThrow(/too large when unpacked/);
  });
});
