-- Rate-limit windows are counters that may be lost in a crash (a lost window only resets a
-- count early): without the write-ahead log, each counted request no longer waits for a WAL flush.
ALTER TABLE "RateLimit" SET UNLOGGED;
