-- A reply imported without a stance (Hypothesis replies have none): never invented.
-- IF NOT EXISTS: another migration may add the same value.
ALTER TYPE "Stance" ADD VALUE IF NOT EXISTS 'unknown';
