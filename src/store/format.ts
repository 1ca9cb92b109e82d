/**
 * Row formatting for the CLI: aligned text tables, RFC 4180 CSV, JSON lines.
 */

export function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function csvField(v: unknown): string {
  const s = cell(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

function clip(s: string, width: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > width ? one.slice(0, Math.max(0, width - 1)) + '…' : one;
}

/** An aligned text table; `maxWidth` caps each column (the last column is clipped at 100). */
export function table(columns: string[], rows: unknown[][], maxWidth: Record<string, number> = {}): string {
  const cells = rows.map((r) => r.map((v, i) => clip(cell(v), maxWidth[columns[i]!] ?? 40)));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((v, i) => (i === r.length - 1 ? v : v.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}
