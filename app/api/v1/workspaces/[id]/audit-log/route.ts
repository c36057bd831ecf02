import { apiRoute } from "@/lib/api/route";
import { readQuery } from "@/lib/api/read-input";
import { json } from "@/lib/api/respond";
import { auditCsv } from "@/lib/moderation/audit-csv";
import { listAuditLog } from "@/lib/moderation/audit-log";
import { auditLogQuerySchema } from "@/lib/validations/moderation";

export const GET = apiRoute<{ id: string }>(async ({ request, actor, params }) => {
  const query = readQuery(request, auditLogQuerySchema);
  const items = await listAuditLog(actor, params.id, query);
  if (query.format === "json") return json({ items, nextCursor: null });
  const csv = auditCsv(items.map((item) => ({ ...item, actor: item.actor.name })));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${params.id}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
