import { csvTable } from "@/lib/exports/csv";

export type AuditRow = {
  createdAt: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  target: string | null;
  reason: string;
};

export function auditCsv(rows: AuditRow[]): string {
  return csvTable(
    ["created", "actor", "action", "target type", "target", "target id", "reason"],
    rows.map((row) => [
      row.createdAt,
      row.actor,
      row.action,
      row.targetType,
      row.target ?? "",
      row.targetId,
      row.reason,
    ]),
  );
}
