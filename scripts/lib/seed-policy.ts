// Whether `npm start` seeds the demo workspace, whose users share a published password.
// Into its own embedded database, yes; into a DATABASE_URL only when asked (SEED_DEMO=1,
// or `npm run db:seed`): never silently into someone's real database.
export function shouldSeedDemo(env: Partial<Record<string, string>>): { seed: boolean; reason: string } {
  if (env.SEED_DEMO === "1") return { seed: true, reason: "SEED_DEMO=1" };
  if (env.SEED_DEMO === "0") return { seed: false, reason: "SEED_DEMO=0" };
  if (!env.DATABASE_URL) return { seed: true, reason: "the embedded database" };
  return { seed: false, reason: "DATABASE_URL is set (SEED_DEMO=1 or `npm run db:seed` seeds it)" };
}
