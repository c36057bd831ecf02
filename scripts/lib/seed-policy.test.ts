import { describe, expect, it } from "vitest";
import { shouldSeedDemo } from "./seed-policy";

describe("shouldSeedDemo", () => {
  it("seeds the embedded database", () => {
    expect(shouldSeedDemo({}).seed).toBe(true);
  });

  it("never seeds demo users into a DATABASE_URL unless asked", () => {
    expect(shouldSeedDemo({ DATABASE_URL: "postgresql://db.internal/prod" }).seed).toBe(false);
    expect(shouldSeedDemo({ DATABASE_URL: "postgresql://db.internal/prod", SEED_DEMO: "1" }).seed).toBe(true);
  });

  it("can be switched off for the embedded database too", () => {
    expect(shouldSeedDemo({ SEED_DEMO: "0" }).seed).toBe(false);
  });
});
