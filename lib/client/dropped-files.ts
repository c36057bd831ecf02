// The files of a drop, folders walked (DataTransferItem.webkitGetAsEntry), each with its
// path inside what was dropped. Entries must be taken while the drop event runs: the
// DataTransfer is emptied once its handler returns.
export type PickedFile = { file: File; path: string };

export function filesFromDrop(transfer: DataTransfer): Promise<PickedFile[]> {
  const entries = Array.from(transfer.items ?? [])
    .filter((item) => item.kind === "file")
    .map((item) => item.webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((entry) => entry === null))
    return Promise.resolve(Array.from(transfer.files).map((file) => ({ file, path: file.name })));
  return Promise.all(entries.map((entry) => walk(entry!))).then((lists) => lists.flat());
}

// Files chosen with <input type="file" multiple> or a folder with webkitdirectory.
export const filesFromInput = (files: FileList | null): PickedFile[] =>
  Array.from(files ?? []).map((file) => ({ file, path: file.webkitRelativePath || file.name }));

async function walk(entry: FileSystemEntry): Promise<PickedFile[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ file, path: entry.fullPath.replace(/^\//, "") }];
  }
  if (!entry.isDirectory) return [];
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries answers in batches (100 in Chromium) until it answers none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  children.sort((a, b) => a.name.localeCompare(b.name));
  return (await Promise.all(children.map(walk))).flat();
}
