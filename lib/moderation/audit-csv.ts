// The audit log as CSV (RFC 4180): fields quoted when needed, quotes doubled, and
// cells that a spreadsheet would run as a formula (=, +, -, @) prefixed with '.
export type AuditRow = { createdAt: string; actor: string; action: string; targetType: string; targetId: string; reason: string };

const HEADER = ["created", "actor", "action", "target type", "target id", "reason"];

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsv(rows: AuditRow[]): string {
  const lines = [HEADER, ...rows.map((row) => [row.createdAt, row.actor, row.action, row.targetType, row.targetId, row.reason])];
  return `${lines.map((line) => line.map(cell).join(",")).join("\r\n")}\r\n`;
}
