// How long each kind of untrusted task may run before its process is killed (milliseconds).
const fromEnv = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

export const DEADLINES = {
  import: () => fromEnv("UNTRUSTED_IMPORT_DEADLINE_MS", 10_000),
  // Laying out a long PDF or Word file is honest work: a 300-page report takes seconds.
  fileImport: () => fromEnv("UNTRUSTED_FILE_IMPORT_DEADLINE_MS", 30_000),
  markdown: () => fromEnv("UNTRUSTED_MARKDOWN_DEADLINE_MS", 3_000),
  export: () => fromEnv("UNTRUSTED_EXPORT_DEADLINE_MS", 60_000),
  // Embedding a batch of passages for suggested links (the model loads on first use).
  embed: () => fromEnv("UNTRUSTED_EMBED_DEADLINE_MS", 60_000),
  // Background exports are the big ones, and nobody is waiting on a request for them.
  backgroundExport: () => fromEnv("UNTRUSTED_BACKGROUND_EXPORT_DEADLINE_MS", 600_000),
};
