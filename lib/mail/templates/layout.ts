import { escapeHtml } from "./escape";

export type RenderedMail = { subject: string; text: string; html: string };

export type MailBlock =
  | { type: "paragraph"; text: string }
  | { type: "quote"; text: string }
  | { type: "button"; label: string; url: string }
  | { type: "item"; title: string; quote?: string; url: string };

// Lays out a mail in plain text and simple HTML from the same blocks: every piece of text is
// escaped in the HTML; links are absolute; the footer says why the mail came and how to stop it.
export function renderMail(input: {
  subject: string;
  heading: string;
  blocks: MailBlock[];
  footer: string;
  unsubscribeUrl?: string;
  settingsUrl?: string;
}): RenderedMail {
  const text = [
    input.heading,
    "",
    ...input.blocks.flatMap((block) => [...textBlock(block), ""]),
    "—",
    input.footer,
    ...(input.settingsUrl ? [`Choose which emails you get: ${input.settingsUrl}`] : []),
    ...(input.unsubscribeUrl ? [`Unsubscribe: ${input.unsubscribeUrl}`] : []),
  ].join("\n");
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(input.subject)}</title></head>
<body style="margin:0;padding:24px;background:#fafaf9;color:#1c1917;font-family:Georgia,serif;font-size:16px;line-height:1.5">
<div style="max-width:560px;margin:0 auto;background:#fff;border:1px solid #e7e5e4;border-radius:8px;padding:24px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(input.heading)}</h1>
${input.blocks.map(htmlBlock).join("\n")}
<hr style="border:none;border-top:1px solid #e7e5e4;margin:24px 0 12px">
<p style="font-size:13px;color:#57534e;margin:0">${escapeHtml(input.footer)}${
    input.settingsUrl ? ` <a href="${escapeHtml(input.settingsUrl)}">Choose which emails you get</a>.` : ""
  }${input.unsubscribeUrl ? ` <a href="${escapeHtml(input.unsubscribeUrl)}">Unsubscribe</a>.` : ""}</p>
</div></body></html>`;
  return { subject: input.subject, text, html };
}

function textBlock(block: MailBlock): string[] {
  switch (block.type) {
    case "paragraph":
      return [block.text];
    case "quote":
      return block.text.split("\n").map((line) => `> ${line}`);
    case "button":
      return [`${block.label}: ${block.url}`];
    case "item":
      return [`• ${block.title}`, ...(block.quote ? [`  “${block.quote}”`] : []), `  ${block.url}`];
  }
}

function htmlBlock(block: MailBlock): string {
  switch (block.type) {
    case "paragraph":
      return `<p style="margin:0 0 12px">${escapeHtml(block.text)}</p>`;
    case "quote":
      return `<blockquote style="margin:0 0 12px;padding-left:12px;border-left:3px solid #d6d3d1;color:#44403c">${escapeHtml(block.text)}</blockquote>`;
    case "button":
      return `<p style="margin:16px 0"><a href="${escapeHtml(block.url)}" style="display:inline-block;background:#1c1917;color:#fff;padding:8px 16px;border-radius:6px;text-decoration:none">${escapeHtml(block.label)}</a></p>`;
    case "item":
      return `<p style="margin:0 0 12px"><a href="${escapeHtml(block.url)}">${escapeHtml(block.title)}</a>${
        block.quote ? `<br><span style="color:#57534e">“${escapeHtml(block.quote)}”</span>` : ""
      }</p>`;
  }
}
