import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The runtime the README names is the one everything runs on: Node 22 LTS, which `npm install`
// brings as a dependency (node_modules/.bin/node comes first on the PATH of every npm script),
// even where the machine's own Node is older.
describe("runtime", () => {
  it("runs on Node 22, the version the project depends on", () => {
    const pinned = JSON.parse(readFileSync("package.json", "utf8")).dependencies.node as string;
    expect(pinned).toMatch(/^\^?22\./);
    expect(Number(process.versions.node.split(".")[0])).toBe(22);
  });
});
