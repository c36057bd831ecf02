import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// `npm test` must pass on a fresh machine with nothing but the repository: no
// default test (unit, integration, e2e), nor anything it imports, may read the
// shared corpus. Tests on the real corpus belong to tests/corpus (`npm run
// test:corpus`); the default ones use tests/fixtures.
const ROOT = path.resolve(import.meta.dirname, "..");
const DEFAULT_TEST_ROOTS = ["lib", "components", "scripts", "tests/integration", "e2e"];
const TEST_FILE = /\.(test|spec)\.tsx?$/;
const THIS_FILE = import.meta.filename;
const CORPUS_MODULE = path.join(ROOT, "tests/support/corpus.ts");
const CORPUS_MENTION = /shared\/corpus|COUNTERPOINT_CORPUS_DIR/;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name);
    if (name === "node_modules" || name === "generated") return [];
    return statSync(file).isDirectory() ? filesUnder(file) : [file];
  });
}

// The repository file an import names, or null for a package.
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile()) ?? null;
}

// Every repository file a test reaches through its imports, with the chain that reaches it.
function reachedFrom(entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift()!;
    if (!/\.(ts|tsx|mts|js|mjs)$/.test(file)) continue;
    for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolveImport(file, match[1]!);
      if (!target || chains.has(target)) continue;
      chains.set(target, [...chains.get(file)!, target]);
      queue.push(target);
    }
  }
  return chains;
}

export function corpusUsesOfDefaultTests(): string[] {
  const problems: string[] = [];
  const tests = DEFAULT_TEST_ROOTS.flatMap((folder) => filesUnder(path.join(ROOT, folder))).filter(
    (file) => TEST_FILE.test(file) && file !== THIS_FILE,
  );
  for (const test of tests) {
    for (const [file, chain] of reachedFrom(test)) {
      const named = chain.map((step) => path.relative(ROOT, step)).join(" → ");
      if (file === CORPUS_MODULE) problems.push(`${named} (imports the corpus reader)`);
      else if (CORPUS_MENTION.test(readFileSync(file, "utf8"))) problems.push(`${named} (names the shared corpus)`);
    }
  }
  return problems;
}

describe("the default test suite", () => {
  it("reads nothing from the shared corpus, directly or through an import", () => {
    expect(corpusUsesOfDefaultTests()).toEqual([]);
  });

  it("finds a corpus reader reached through an import (the check can fail)", () => {
    const corpusTest = path.join(ROOT, "tests/corpus/texts.test.ts");
    expect(reachedFrom(corpusTest).has(CORPUS_MODULE)).toBe(true);
    expect(reachedFrom(path.join(ROOT, "lib/anchoring/selectors.test.ts")).has(CORPUS_MODULE)).toBe(false);
  });
});
