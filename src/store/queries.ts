/**
 * Reusable read queries over the store (used by `dyad events`, `dyad export` and `dyad demo`).
 */
import { DyadError } from '../model/errors.js';
import { isCalendarDate } from '../model/dates.js';

export interface EventFilter {
  /** An actor code prefix (FRA, FRAGOV, IGOEU…) matching source or target code, or a country (ISO3). */
  actor?: string | null;
  /** Two actor prefixes; either direction unless `directed`. */
  dyad?: [string, string] | null;
  directed?: boolean;
  /** CAMEO root codes ('11', '19'). */
  roots?: string[] | null;
  /** CAMEO code prefix ('112'). */
  cameo?: string | null;
  quadClass?: number | null;
  /** YYYY-MM-DD inclusive bounds on the event date. */
  since?: string | null;
  until?: string | null;
  /** Minimum number of distinct articles. */
  minArticles?: number | null;
  limit?: number | null;
}

const CODE_RE = /^[A-Za-z0-9]{1,40}$/;

/** A real calendar date YYYY-MM-DD (2024-02-30 is not one), or null when absent; else a usage error naming `what`. */
export function checkDate(d: string | null | undefined, what: string): string | null {
  if (d === undefined || d === null || d === '') return null;
  if (!isCalendarDate(d)) throw new DyadError('DYAD_E006', `${what}: expected a real date YYYY-MM-DD, got '${d}'`);
  return d;
}

function checkCode(c: string, what: string): string {
  if (!CODE_RE.test(c)) throw new DyadError('DYAD_E005', `${what}: expected an actor code such as FRA or FRAGOV, got '${c}'`);
  return c.toUpperCase();
}

/** Parse 'FRA:TUR' (also 'FRA-TUR', 'FRA>TUR' for a directed dyad). */
export function parseDyad(s: string): { dyad: [string, string]; directed: boolean } {
  const m = /^([A-Za-z0-9]+)\s*([:>-])\s*([A-Za-z0-9]+)$/.exec(s.trim());
  if (!m) throw new DyadError('DYAD_E005', `--dyad: expected two actor codes such as FRA:TUR, got '${s}'`);
  return { dyad: [checkCode(m[1]!, '--dyad'), checkCode(m[3]!, '--dyad')], directed: m[2] === '>' };
}

/** WHERE clause and parameters for an event filter over `events e`. */
export function eventWhere(f: EventFilter): { where: string; params: unknown[] } {
  const conds: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const actorMatch = (col: 'source' | 'target', code: string) =>
    `(starts_with(e.${col}_code, ${p(code)}) OR e.${col}_country = ${p(code)})`;
  if (f.actor) {
    const a = checkCode(f.actor, '--actor');
    conds.push(`(${actorMatch('source', a)} OR ${actorMatch('target', a)})`);
  }
  if (f.dyad) {
    const [a, b] = f.dyad;
    const fwd = `(${actorMatch('source', a)} AND ${actorMatch('target', b)})`;
    conds.push(f.directed ? fwd : `(${fwd} OR (${actorMatch('source', b)} AND ${actorMatch('target', a)}))`);
  }
  if (f.roots && f.roots.length > 0) {
    const roots = f.roots.map((r) => {
      if (!/^\d{1,2}$/.test(r) || Number(r) < 1 || Number(r) > 20) throw new DyadError('DYAD_E005', `--root: expected a CAMEO root code 01..20, got '${r}'`);
      return r.padStart(2, '0');
    });
    conds.push(`e.root IN (${roots.map((r) => p(r)).join(', ')})`);
  }
  if (f.cameo) {
    if (!/^\d{2,4}$/.test(f.cameo)) throw new DyadError('DYAD_E005', `--cameo: expected a CAMEO code such as 112, got '${f.cameo}'`);
    conds.push(`starts_with(e.cameo, ${p(f.cameo)})`);
  }
  if (f.quadClass !== undefined && f.quadClass !== null) conds.push(`e.quad_class = ${p(f.quadClass)}`);
  const since = checkDate(f.since, '--since');
  const until = checkDate(f.until, '--until');
  if (since && until && since > until) throw new DyadError('DYAD_E005', `--since ${since} is after --until ${until}`);
  if (since) conds.push(`e.date >= ${p(since)}::DATE`);
  if (until) conds.push(`e.date <= ${p(until)}::DATE`);
  if (f.minArticles) conds.push(`e.num_articles >= ${p(f.minArticles)}`);
  return { where: conds.length ? `WHERE ${conds.join(' AND ')}` : '', params };
}

/** How many events match a filter (for "50 of 81 events"). */
export function eventsCountQuery(f: EventFilter): { sql: string; params: unknown[] } {
  const { where, params } = eventWhere(f);
  return { sql: `SELECT CAST(count(*) AS INTEGER) AS n FROM events e ${where}`, params };
}

/** Events matching a filter, newest first, with the first report's evidence and URL. */
export function eventsQuery(f: EventFilter): { sql: string; params: unknown[] } {
  const { where, params } = eventWhere(f);
  const limit = f.limit === null || f.limit === undefined ? '' : `LIMIT ${Math.max(0, Math.floor(f.limit))}`;
  const sql = `
    SELECT e.*, m.evidence_text AS evidence, m.url AS url, m.outlet AS outlet
    FROM events e
    LEFT JOIN (
      SELECT mm.event_id, arg_min(mm.evidence_text, a.ingested_at::VARCHAR || a.id) AS evidence_text,
             arg_min(coalesce(a.url, a.canonical_url), a.ingested_at::VARCHAR || a.id) AS url,
             arg_min(mm.outlet, a.ingested_at::VARCHAR || a.id) AS outlet
      FROM mentions mm JOIN articles a ON a.id = mm.article_id
      GROUP BY mm.event_id
    ) m ON m.event_id = e.id
    ${where}
    ORDER BY e.date DESC NULLS LAST, e.num_articles DESC, e.id
    ${limit}`;
  return { sql, params };
}

export const QUAD_CLASS_NAMES: Record<number, string> = {
  1: 'verbal cooperation',
  2: 'material cooperation',
  3: 'verbal conflict',
  4: 'material conflict',
};
