import { benchAnchoring } from "./bench/anchoring";

// npm run bench -- <name>: benchmarks that print figures against a baseline
// measured in the same run. Exit code 1 when a target is missed.
const BENCHMARKS: Record<string, () => Promise<boolean>> = {
  anchoring: benchAnchoring,
  reader: async () => (await import("./bench/reader")).benchReader(),
  api: async () => (await import("./bench/api")).benchApi(),
  "api-profile": async () => (await import("./bench/api-profile")).benchApiProfile(),
  export: async () => (await import("./bench/export")).benchExport(),
  search: async () => (await import("./bench/search")).benchSearch(),
  chaos: async () => (await import("./bench/chaos")).benchChaos(),
  presence: async () => (await import("./bench/presence")).benchPresence(),
  hostile: async () => (await import("./bench/hostile")).benchHostile(),
  notify: async () => (await import("./bench/notify")).benchNotify(),
  pdf: async () => (await import("./bench/pdf")).benchPdf(),
  suggest: async () => (await import("./bench/suggest")).benchSuggest(),
  scale: async () => (await import("./bench/scale")).benchScale(),
};

const names = process.argv.slice(2);
if (!names.length || names.some((name) => !BENCHMARKS[name])) {
  console.error(`Usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [...]`);
  process.exit(2);
}
let isEveryTargetMet = true;
for (const name of names) {
  console.log(`\n== ${name} ==`);
  isEveryTargetMet = (await BENCHMARKS[name]!()) && isEveryTargetMet;
}
process.exit(isEveryTargetMet ? 0 : 1);
