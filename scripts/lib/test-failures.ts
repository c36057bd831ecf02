// The failed tests in vitest's and Playwright's JSON reports, one line each with the first lines of
// the error: CI shows only the end of the output, so the summary names what failed.
import path from "node:path";
import { stripVTControlCharacters } from "node:util";

type VitestReport = {
  testResults: {
    name: string;
    message?: string;
    assertionResults: { status: string; fullName: string; failureMessages: string[] }[];
  }[];
};
function firstLines(text: string | undefined) {
  const lines = stripVTControlCharacters(text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("at "));
  return lines.slice(0, 4).join(" | ").slice(0, 400);
}
export function vitestFailures(report: VitestReport | null): string[] {
  return (report?.testResults ?? []).flatMap((file) => {
    const name = path.relative(process.cwd(), file.name);
    const failed = file.assertionResults.filter((test) => test.status === "failed");
    if (failed.length === 0 && file.message) return [`${name}: ${firstLines(file.message)}`];
    return failed.map((test) => `${name} › ${test.fullName}: ${firstLines(test.failureMessages[0])}`);
  });
}
type PlaywrightSuite = {
  file?: string;
  suites?: PlaywrightSuite[];
  specs?: { title: string; file: string; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
};
export function playwrightFailures(report: { suites?: PlaywrightSuite[] } | null): string[] {
  const failures: string[] = [];
  const visit = (suite: PlaywrightSuite) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests)
        if (test.status !== "expected" && test.status !== "skipped")
          failures.push(
            `${spec.file} › ${spec.title} (${test.status}): ${firstLines(test.results.at(-1)?.error?.message)}`,
          );
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report?.suites ?? []) visit(suite);
  return failures;
}
