import type { Report, ReportReply } from "./collect-report";
import { reportDate } from "./report-summary";

// Argdown (argdown.org): every passage and reply is a statement, titled by document and
// number; links and replies are relations under the statement they start from —
// agrees/elaborates/supports `+>`, qualifies/opposes `->`, contradicts `><`.
const ARROWS: Record<string, string | undefined> = {
  agrees: "+>",
  elaborates: "+>",
  supports: "+>",
  qualifies: "->",
  opposes: "->",
  contradicts: "><",
  asks: undefined,
};

// Statement text on one line, free of Argdown's own brackets and markup characters.
const inline = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(/[[\]<>]/g, (character) => ({ "[": "(", "]": ")", "<": "‹", ">": "›" })[character]!)
    .trim();
// A document's statements are titled by its first author's surname (or its title's
// first words) and a number: "Lin 1", "Istomin 3". Each document gets its own prefix.
const plainWords = (text: string, count: number) =>
  inline(text)
    .replace(/[^\p{L}\p{N} -]/gu, "")
    .split(" ")
    .filter(Boolean)
    .slice(-count)
    .join(" ");
function documentPrefixes(report: Report): Map<string, string> {
  const used = new Set<string>();
  return new Map(
    report.documents.map((document) => {
      const base =
        (document.authors[0]
          ? plainWords(document.authors[0], 1)
          : plainWords(document.title.split(/\s+/).slice(0, 3).join(" "), 3)) || "Document";
      let prefix = base;
      for (let copy = 2; used.has(prefix); copy++) prefix = `${base} (${copy})`;
      used.add(prefix);
      return [document.id, prefix];
    }),
  );
}

export function reportArgdown(report: Report): string {
  const titles = new Map<string, string>();
  const lines = [
    `===`,
    `title: ${JSON.stringify(report.title)}`,
    `date: ${reportDate(report.generatedAt)}`,
    `===`,
    "",
    `# ${inline(report.title)}`,
    "",
  ];
  const prefixes = documentPrefixes(report);
  for (const document of report.documents) {
    document.annotations.forEach((annotation, position) =>
      titles.set(annotation.id, `${prefixes.get(document.id)} ${position + 1}`),
    );
  }
  const outgoing = new Map<string, string[]>();
  for (const link of report.links) {
    const arrow = ARROWS[link.relation];
    if (!arrow) continue;
    outgoing.set(link.fromAnnotationId, [
      ...(outgoing.get(link.fromAnnotationId) ?? []),
      `  ${arrow} [${titles.get(link.toAnnotationId)}] // ${link.relation}${link.rationale ? `: ${inline(link.rationale)}` : ""}`,
    ]);
  }
  let replyNumber = 0;
  // A reply relates to what it answers: `<+` (supports it) or `<-` (opposes or qualifies it).
  const replyLines = (replies: ReportReply[], depth: number): string[] =>
    replies.flatMap((reply) => {
      const incoming = ARROWS[reply.stance] === "+>" ? "<+" : "<-";
      const head =
        reply.stance === "asks" || reply.stance === "unknown"
          ? `${"  ".repeat(depth)}// ${reply.stance === "asks" ? "question" : "reply (stance unknown)"} from ${inline(reply.author)}: ${inline(reply.body)}`
          : `${"  ".repeat(depth)}${incoming} [Reply ${++replyNumber}]: ${inline(reply.body)} #(${reply.stance}) #(${inline(reply.author)})`;
      return [head, ...replyLines(reply.replies, depth + 1)];
    });
  for (const document of report.documents) {
    lines.push(`## ${inline(document.title)}`, "");
    for (const annotation of document.annotations) {
      const tags = annotation.tags.map((tag) => ` #(${inline(tag)})`).join("");
      lines.push(
        `[${titles.get(annotation.id)}]: ${inline(annotation.quote)}${tags}`,
        ...(outgoing.get(annotation.id) ?? []),
        ...replyLines(annotation.replies, 1),
        "",
      );
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
