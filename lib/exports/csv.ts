// CSV (RFC 4180) for spreadsheets: fields quoted when needed, quotes doubled, CRLF line
// ends, and cells a spreadsheet would run as a formula (=, +, -, @) prefixed with '.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvRow = (row: string[]) => `${row.map(csvCell).join(",")}\r\n`;

export function csvTable(header: string[], rows: string[][]): string {
  return [header, ...rows].map(csvRow).join("");
}
