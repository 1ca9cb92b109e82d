/**
 * The one check of a date's form, shared by every layer that takes dates from users (the CLI's
 * --date/--since/--until, the library's `date`, the HTTP API's parameters).
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date YYYY-MM-DD, years 0001-9999 (Date.UTC alone would read 0050 as 1950; 2024-02-30 is not one). */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return false;
  const dt = new Date(0);
  dt.setUTCFullYear(y, mo - 1, d);
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}
