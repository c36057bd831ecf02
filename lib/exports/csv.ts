// CSV (RFC 4180) for spreadsheets: fields quoted when needed, quotes doubled, CRLF line
// ends, and cells a spreadsheet would run as a formula (=, +, -, @) prefixed with '.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvTable(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
