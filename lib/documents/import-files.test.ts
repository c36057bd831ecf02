import { describe, expect, it } from "vitest";
import { classifyImportFile, formatSize, MAX_IMPORT_FILE_BYTES } from "./import-files";

describe("classifyImportFile", () => {
  it("keeps the five importable kinds whatever the case of their extension, in folders too", () => {
    for (const name of ["a.txt", "b.MD", "c.markdown", "d.htm", "e.HTML", "reports/2024/f.pdf", "g.Docx"])
      expect(classifyImportFile({ name, size: 10 })).toEqual({ isSupported: true });
  });

  it("skips other types, empty files and files over the limit, saying why", () => {
    expect(classifyImportFile({ name: "photo.jpeg", size: 10 })).toEqual({
      isSupported: false,
      reason: ".jpeg files are not imported: only .txt, .md, .html, .pdf and .docx.",
    });
    expect(classifyImportFile({ name: "old.doc", size: 10 }).isSupported).toBe(false);
    expect(classifyImportFile({ name: "README", size: 10 })).toMatchObject({ reason: /without an extension/ });
    expect(classifyImportFile({ name: "v1.2/notes", size: 10 })).toMatchObject({ reason: /without an extension/ });
    expect(classifyImportFile({ name: "empty.txt", size: 0 })).toMatchObject({ reason: "The file is empty." });
    expect(classifyImportFile({ name: "big.pdf", size: MAX_IMPORT_FILE_BYTES + 1 })).toMatchObject({
      reason: /Larger than 10 MiB/,
    });
    expect(classifyImportFile({ name: "max.pdf", size: MAX_IMPORT_FILE_BYTES }).isSupported).toBe(true);
  });
});

describe("formatSize", () => {
  it("reads like a file manager", () => {
    expect(formatSize(512)).toBe("512 B");
    expect(formatSize(300)).toBe("300 B");
    expect(formatSize(2048)).toBe("2 KiB");
    expect(formatSize(1536 * 1024)).toBe("1.5 MiB");
    expect(formatSize(10 * 1024 * 1024)).toBe("10 MiB");
  });
});
