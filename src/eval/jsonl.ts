/**
 * Reading a gold suite: one JSON object a line. A bad line is a clear error naming the file and
 * the line (never a stack trace, never a silently skipped record); `check` says what a record
 * must hold.
 */
import { existsSync, readFileSync } from 'node:fs';
import { DyadError } from '../model/errors.js';

/** The records of a JSON-lines file, or null when the file is absent. */
export function readJsonl<T>(path: string, check: (r: Record<string, unknown>) => string | null): T[] | null {
  if (!existsSync(path)) return null;
  const out: T[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch (e) {
      throw new DyadError('DYAD_E007', `${path}:${i + 1}: not valid JSON (${(e as Error).message})`);
    }
    const problem = r !== null && typeof r === 'object' && !Array.isArray(r) ? check(r as Record<string, unknown>) : 'not a JSON object';
    if (problem !== null) throw new DyadError('DYAD_E007', `${path}:${i + 1}: ${problem}`);
    out.push(r as T);
  }
  return out;
}

/** A check for records that need a string `id` and `text`. */
export function needsIdAndText(r: Record<string, unknown>): string | null {
  if (typeof r['id'] !== 'string' || r['id'] === '') return 'a record needs a non-empty string "id"';
  if (typeof r['text'] !== 'string') return `record ${r['id']}: needs a string "text"`;
  return null;
}
