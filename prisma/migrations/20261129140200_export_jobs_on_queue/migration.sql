-- Background exports now run on the durable job queue (pg-boss, schema "pgboss").
-- Exports started before it ran inside a request process and have no job to finish
-- them: those still queued or running are marked failed, so none stays "running".
UPDATE "ExportJob"
SET "status" = 'failed',
    "stage" = 'Failed',
    "error" = 'The export stopped (the server restarted); start it again.',
    "finishedAt" = now()
WHERE "status" IN ('queued', 'running');
