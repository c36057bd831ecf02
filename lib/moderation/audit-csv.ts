import { csvTable } from "@/lib/exports/csv";

export type AuditRow = {
  createdAt: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string;
};

export function auditCsv(rows: AuditRow[]): string {
  return csvTable(
    ["created", "actor", "action", "target type", "target id", "reason"],
    rows.map((row) => [row.createdAt, row.actor, row.action, row.targetType, row.targetId, row.reason]),
  );
}
