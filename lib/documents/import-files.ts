// Which files a many-file import sends, decided in the browser before any upload. The
// extensions and the size limit are those of lib/documents/import/extract-document.ts,
// which still decides on the server (a file named .txt that holds no text is refused there).
const SUPPORTED = new Set(["txt", "text", "md", "markdown", "html", "htm", "pdf", "docx"]);
export const IMPORT_ACCEPT = ".txt,.text,.md,.markdown,.html,.htm,.pdf,.docx";
export const MAX_IMPORT_FILE_BYTES = 10 * 1024 * 1024;

export type FileVerdict = { isSupported: true } | { isSupported: false; reason: string };

export function classifyImportFile(file: { name: string; size: number }): FileVerdict {
  const base = file.name.split("/").pop() ?? file.name;
  const extension = base.includes(".") ? base.split(".").pop()!.toLowerCase() : "";
  if (!SUPPORTED.has(extension))
    return {
      isSupported: false,
      reason: `${extension ? `.${extension} files are` : "A file without an extension is"} not imported: only .txt, .md, .html, .pdf and .docx.`,
    };
  if (file.size === 0) return { isSupported: false, reason: "The file is empty." };
  if (file.size > MAX_IMPORT_FILE_BYTES)
    return {
      isSupported: false,
      reason: `Larger than ${formatSize(MAX_IMPORT_FILE_BYTES)}, the most one file may be.`,
    };
  return { isSupported: true };
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB`;
}
