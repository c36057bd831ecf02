import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { createDb } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { describeRange } from "@/lib/anchoring/selectors";
import { normalizeText } from "@/lib/documents/import/normalize-text";
import { renderMarkdown } from "@/lib/markdown/render-markdown";
import { renderTextHtml } from "@/lib/reader/render-text-html";
import { idListHtml } from "@/components/reader/highlight-marks";
import { segmentText, type Paragraph } from "@/lib/reader/segment-text";
import { CORPUS_FILES, readCorpus } from "@/tests/support/corpus";
import { seededRandom, simulateAnnotations } from "@/tests/support/simulate-revision";
import { appEnv, waitForHealthy } from "../lib/app-env";
import { buildIfNeeded } from "../lib/build-if-needed";
import { createTestDatabase } from "../lib/test-database";
import { freePort } from "../lib/postgres-server";
import { chromiumLaunchOptions } from "../lib/chromium";

// npm run bench -- reader: a long document (the corpus five times over, 312k characters)
// with 5,000 annotations, opened in Chromium from the app, against a static page with the
// same <mark> elements pre-rendered, served from the same machine in the same run.
// READER_BENCH_SIZE=short: the 30k-character forum report with 1,000 annotations;
// READER_BENCH_ROUNDS=n: n measured rounds of each page.
const IS_SHORT = process.env.READER_BENCH_SIZE === "short";
const ANNOTATIONS = IS_SHORT ? 1000 : 5000;
const COPIES = 5;
// Nine rounds of the long document: with three, two runs of the same code gave 1.59 and 2.18;
// with five, four runs gave 1.32 to 1.74. A page's paint on these two cores varies by ±40% from
// one round to the next (the table shows each page's range).
const ROUNDS = Number(process.env.READER_BENCH_ROUNDS) || (IS_SHORT ? 7 : 9);
const EMAIL = "bench-reader@bench.example";
const PASSWORD = "bench reader password";
const COLORS = ["yellow", "green", "blue", "pink", "purple"];

export async function benchReader(): Promise<boolean> {
  const database = await createTestDatabase();
  let app: ChildProcess | null = null;
  let staticServer: Server | null = null;
  let browser: Browser | null = null;
  try {
    const { documentId, paragraphs, length } = await seed(database.url);
    const marks = paragraphs.flatMap((paragraph) => paragraph.segments).filter((segment) => segment.ids.length).length;
    const port = await freePort();
    const env = { ...appEnv(port, database.url), RATE_LIMIT_SIGNIN: "1000" };
    buildIfNeeded(env);
    app = spawn(path.resolve("node_modules/.bin/next"), ["start", "-p", String(port)], { stdio: "ignore", env });
    await waitForHealthy(`http://localhost:${port}/api/health`);
    const staticPort = await freePort();
    const html = staticPage(paragraphs);
    staticServer = createServer((_, response) =>
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html),
    ).listen(staticPort, "127.0.0.1");

    browser = await chromium.launch({
      ...chromiumLaunchOptions,
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signIn = await context.newPage();
    await signIn.goto(`http://localhost:${port}/signin`);
    await signIn.getByLabel("Email").fill(EMAIL);
    await signIn.getByLabel("Password").fill(PASSWORD);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await signIn.waitForURL(/\/workspaces/);
    await signIn.close();

    const appUrl = `http://localhost:${port}/documents/${documentId}`;
    const staticUrl = `http://127.0.0.1:${staticPort}/`;
    console.log(
      `Document: ${length} characters, ${ANNOTATIONS} annotations → ${marks} <mark> runs. ${ROUNDS} rounds each after a warm-up, alternating.`,
    );
    const timings = { app: [] as Measurement[], static: [] as Measurement[] };
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const [name, url] of [
        ["app", appUrl],
        ["static", staticUrl],
      ] as const) {
        const page = await context.newPage();
        const measurement = await measure(page, url, marks);
        if (round > 0) timings[name].push(measurement);
        console.log(`  round ${round} ${name}: highlights painted ${measurement.textPaint.toFixed(0)} ms`);
        // Let the page finish what it loads after painting (its annotation list), so the next
        // navigation starts with an idle server, as a reader's would.
        await page.waitForLoadState("networkidle");
        await page.close();
      }
    }
    // The framework's floor: the app's own sign-in page (no data, one small form), painted.
    const floor: number[] = [];
    const anonymous = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    for (let round = 0; round <= ROUNDS; round += 1) {
      const page = await anonymous.newPage();
      const measurement = await measure(page, `http://localhost:${port}/signin`, 1, "form input[type=password]");
      if (round > 0) floor.push(measurement.painted);
      await page.close();
    }
    // The same reader page with JavaScript off: when its whole HTML, highlights included, has been received and parsed.
    const withoutScript = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false,
      storageState: await context.storageState(),
    });
    const htmlOnly: number[] = [];
    for (let round = 0; round <= ROUNDS; round += 1) {
      const page = await withoutScript.newPage();
      await page.goto(appUrl, { waitUntil: "load" });
      if (round > 0) htmlOnly.push(await loadEventEnd(page));
      await page.close();
    }
    const scrolling = {
      app: await scrollSmoothness(context, appUrl),
      static: await scrollSmoothness(context, staticUrl),
    };
    const row = (name: "app" | "static") => ({
      page: name === "app" ? "Counterpoint reader" : "Static page, same marks",
      "highlights painted ms (median)": median(timings[name].map((m) => m.textPaint)).toFixed(0),
      "painted range ms": range(timings[name].map((m) => m.textPaint)),
      "settled ms (2 frames later)": median(timings[name].map((m) => m.painted)).toFixed(0),
      "first contentful paint ms": median(timings[name].map((m) => m.fcp)).toFixed(0),
      "load event ms": median(timings[name].map((m) => m.load)).toFixed(0),
      "HTML KiB": (timings[name][0]!.bytes / 1024).toFixed(0),
      "response complete ms": median(timings[name].map((m) => m.responseEnd)).toFixed(0),
      "scroll frame p95 ms": scrolling[name].p95.toFixed(1),
      "frames > 50 ms": `${scrolling[name].long}/${scrolling[name].frames}`,
    });
    console.table([
      row("app"),
      row("static"),
      { page: "Reader HTML parsed, JavaScript off", "load event ms": median(htmlOnly).toFixed(0) },
      { page: "App floor: sign-in page, no data", "settled ms (2 frames later)": median(floor).toFixed(0) },
    ]);
    const bytesRatio = timings.app[0]!.bytes / timings.static[0]!.bytes;
    console.log(
      `The reader's HTML is sent with Content-Encoding: ${timings.app[0]!.encoding} (sizes above are decoded).`,
    );
    const scrollRatio = scrolling.app.p95 / scrolling.static.p95;
    console.log(
      `HTML bytes app/static: ${bytesRatio.toFixed(2)} (target ≤ 1.3). Scroll frame p95 app/static: ${scrollRatio.toFixed(2)} (target ≤ 2).`,
    );
    // Cards interactive (measured last, after the figures above are printed): from navigation
    // until a click on the first card selects it.
    const interactive: number[] = [];
    for (let round = 0; round < 2; round += 1) {
      const page = await context.newPage();
      await page.goto(appUrl, { waitUntil: "commit" });
      interactive.push(await cardsInteractive(page).catch(() => Number.NaN));
      await page.close();
    }
    console.log(
      `Cards interactive (a click on the first card selects it): ${interactive.map((ms) => (Number.isNaN(ms) ? "no answer in 60 s" : `${ms.toFixed(0)} ms`)).join(", ")} from navigation.`,
    );
    const ratio = median(timings.app.map((m) => m.textPaint)) / median(timings.static.map((m) => m.textPaint));
    const htmlRatio = median(htmlOnly) / median(timings.static.map((m) => m.load));
    // Smooth: at least 30 frames a second for 95% of frames (software rendering, no GPU here).
    const isSmooth = scrolling.app.p95 <= 34;
    console.log(
      `Ratio app/static, highlights painted: ${ratio.toFixed(2)} (target ≤ 1.5). Reader HTML received and parsed (JavaScript off) vs static, load event: ${htmlRatio.toFixed(2)}.`,
    );
    console.log(
      `Floor: the app's sign-in page settles in ${median(floor).toFixed(0)} ms, ${(median(floor) / median(timings.static.map((m) => m.painted))).toFixed(2)}× the static page's settled time, before any document or annotation is involved.`,
    );
    console.log(
      `Scrolling ${isSmooth ? "smooth" : "NOT smooth"}: p95 frame ${scrolling.app.p95.toFixed(1)} ms (static ${scrolling.static.p95.toFixed(1)} ms; smooth means ≤ 34 ms, 30 fps).`,
    );
    const isMet = ratio <= 1.5 && bytesRatio <= 1.3 && scrollRatio <= 2;
    console.log(isMet ? "Targets met." : "Targets NOT met.");
    return isMet;
  } finally {
    await browser?.close();
    staticServer?.close();
    app?.kill("SIGTERM");
    await database.dispose();
  }
}

type Measurement = {
  painted: number;
  fcp: number;
  textPaint: number;
  load: number;
  bytes: number;
  encoding: string;
  responseEnd: number;
};

// Two views of "every highlight painted", both measured inside the page:
// - textPaint: the render time of the largest contentful paint inside the
//   highlighted text (the browser's own record of when that text hit the screen);
// - settled: two animation frames after every mark is in the document and
//   rendered (a frame was painted with them and the page let the next one start).
const PAINT_PROBE = (selector: string, count: number) => `
  window.__highlightsPainted = null;
  const observer = new MutationObserver(() => {
    const found = document.querySelectorAll(${JSON.stringify(selector)});
    if (found.length < ${count} || found[found.length - 1].getClientRects().length === 0) return;
    observer.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__highlightsPainted = performance.now(); }));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["hidden", "style"] });
`;

async function textPaintTime(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const inText = list
            .getEntries()
            .filter((entry) =>
              (entry as PerformanceEntry & { element?: Element }).element?.closest("[data-reader-text]"),
            );
          resolve(inText.at(-1)?.startTime ?? Number.NaN);
        }).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
}

async function measure(page: Page, url: string, count: number, selector = "mark"): Promise<Measurement> {
  await page.addInitScript(PAINT_PROBE(selector, count));
  const response = await page.goto(url, { waitUntil: "commit" });
  const paintedAt = () => (window as unknown as { __highlightsPainted: number | null }).__highlightsPainted;
  await page.waitForFunction(paintedAt, undefined, { timeout: 60_000 });
  const painted = (await page.evaluate(paintedAt))!;
  // Read the body only once the page has painted: fetching it from the browser (a copy of the
  // whole response over the DevTools protocol) while the page still loads slowed the very load
  // being measured, and the later-finishing page more.
  const bytes = (await response!.body()).byteLength;
  const encoding = (await response!.allHeaders())["content-encoding"] ?? "none";
  const fcp = await page.evaluate(
    () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
  );
  const timing = response!.request().timing();
  await page.waitForLoadState("load");
  return {
    painted,
    fcp,
    textPaint: await textPaintTime(page),
    load: await loadEventEnd(page),
    bytes,
    encoding,
    responseEnd: timing.responseEnd,
  };
}

// Navigation start to the end of the load event (layout done), read synchronously so it works with JavaScript off.
async function loadEventEnd(page: Page): Promise<number> {
  return page.evaluate(
    () => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd,
  );
}

// Clicks the first card as soon as there is one, until it answers (is selected); the time from navigation start.
async function cardsInteractive(page: Page): Promise<number> {
  const card = page.getByTestId("annotation-card").first();
  await card.waitFor({ timeout: 60_000 });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    await card.locator("header").click({ timeout: 60_000 });
    // No named closures in the page function: the TypeScript loader wraps them in a helper
    // (__name) the page lacks, and the probe then threw in the page and never answered.
    const selected = await card
      .evaluate(
        (element) =>
          new Promise<number | null>((resolve) => {
            if (element.getAttribute("aria-current") === "true") return resolve(performance.now());
            const observer = new MutationObserver(() => {
              if (element.getAttribute("aria-current") !== "true") return;
              observer.disconnect();
              resolve(performance.now());
            });
            observer.observe(element, { attributes: true });
            setTimeout(() => resolve(null), 500);
          }),
      )
      .catch(() => null);
    if (selected !== null) return selected;
  }
  throw new Error("The first card never answered a click within a minute.");
}

// Scrolls the whole page frame by frame and records the time between frames.
async function scrollSmoothness(context: Awaited<ReturnType<Browser["newContext"]>>, url: string) {
  const page = await context.newPage();
  // Steady state: the page has loaded everything and finished rendering its panel.
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForTimeout(1500);
  // A string, not a function: the TypeScript loader would wrap named closures in helpers the page lacks.
  const gaps: number[] = await page.evaluate(`new Promise((resolve) => {
    const deltas = [];
    let last = performance.now();
    function step(now) {
      deltas.push(now - last);
      last = now;
      window.scrollBy(0, 60);
      if (window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2 || deltas.length > 600) resolve(deltas.slice(1));
      else requestAnimationFrame(step);
    }
    requestAnimationFrame(step);
  })`);
  await page.close();
  const sorted = [...gaps].sort((a, b) => a - b);
  return {
    frames: gaps.length,
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    long: gaps.filter((gap) => gap > 50).length,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;

export async function seed(url: string) {
  const db = createDb(url);
  const text = normalizeText(
    IS_SHORT
      ? readCorpus("forum-2022-alliance-tightening.txt")
      : Array.from({ length: COPIES }, () => CORPUS_FILES.map((name) => readCorpus(name)).join("\n\n")).join("\n\n"),
  );
  const random = seededRandom(5);
  const user = await db.user.create({
    data: { email: EMAIL, name: "Bench Reader", passwordHash: await hashPassword(PASSWORD) },
  });
  const workspace = await db.workspace.create({
    data: { name: "Reader benchmark", memberships: { create: { userId: user.id, role: "owner" } } },
  });
  const document = await db.document.create({
    data: {
      workspaceId: workspace.id,
      title: "Alliance tightening (forum report)",
      text,
      contentHash: "bench",
      createdById: user.id,
      revisions: { create: { version: 1, text, contentHash: "bench", createdById: user.id } },
    },
  });
  const annotations = simulateAnnotations(text, ANNOTATIONS).map((annotation, index) => ({
    workspaceId: workspace.id,
    documentId: document.id,
    creatorId: user.id,
    motivation: "commenting" as const,
    selectors: describeRange(text, annotation.start, annotation.end),
    start: annotation.start,
    end: annotation.end,
    quote: annotation.quote,
    prefix: annotation.prefix,
    suffix: annotation.suffix,
    // As the app stores them: Markdown and its sanitized HTML.
    ...(index % 3
      ? {
          body: `Comment ${index}: **evidence** for the claim, see _context_.`,
          bodyHtml: renderMarkdown(`Comment ${index}: **evidence** for the claim, see _context_.`),
        }
      : {}),
    tags: index % 4 ? ["evidence"] : ["claim", "alliance"],
    color: COLORS[Math.floor(random() * COLORS.length)]!,
  }));
  const created = await db.annotation.createManyAndReturn({
    data: annotations,
    select: { id: true, start: true, end: true, color: true },
  });
  await db.$disconnect();
  return { documentId: document.id, paragraphs: segmentText(text, created), length: Array.from(text).length };
}

// The same text and <mark> elements as the reader renders, with plain CSS and no script.
function staticPage(paragraphs: Paragraph[]): string {
  const { html, annotationIds } = renderTextHtml(paragraphs);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static highlights</title><style>
body{font:18px/1.8 Georgia,serif;max-width:68ch;margin:2rem auto}mark{color:inherit;background:rgb(250 204 21/.38)}
.hl-blue{background:rgb(96 165 250/.33)}.hl-green{background:rgb(74 222 128/.33)}.hl-pink{background:rgb(244 114 182/.3)}.hl-purple{background:rgb(167 139 250/.35)}
</style></head><body><div data-reader-text>${html}${idListHtml(annotationIds)}</div></body></html>`;
}
