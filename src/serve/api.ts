/**
 * The JSON API over the event store. Every handler validates its parameters (see params.ts),
 * aggregates in DuckDB and returns plain JSON. SQL text is fixed here; client values are bound.
 */
import type { ReadStore } from './db.js';
import { ACTOR_RE, HttpError, Params, badParam, clip, isValidDate } from './params.js';
import type { CodedDocument } from '../model/contract.js';

/** Parameters every event-filtering route accepts. */
export const FILTER_PARAMS = ['actor', 'dyad', 'directed', 'root', 'cameo', 'quadClass', 'since', 'until', 'outlet', 'q'] as const;

export interface Filter {
  actor: string | null;
  dyad: [string, string] | null;
  directed: boolean;
  root: string | null;
  cameo: string | null;
  quadClass: number[] | null;
  since: string | null;
  until: string | null;
  outlet: string | null;
  q: string | null;
}

export function parseFilter(p: Params): Filter {
  const actor = p.match('actor', ACTOR_RE, 'an actor code such as FRA or FRAGOV');
  const dyadRaw = p.raw('dyad');
  let dyad: [string, string] | null = null;
  if (dyadRaw !== null) {
    const parts = dyadRaw.split(':');
    if (parts.length !== 2 || !ACTOR_RE.test(parts[0]!) || !ACTOR_RE.test(parts[1]!)) {
      throw badParam('dyad', `expected two actor codes as A:B (e.g. FRA:TUR), got ${JSON.stringify(dyadRaw.slice(0, 60))}`);
    }
    dyad = [parts[0]!.toUpperCase(), parts[1]!.toUpperCase()];
  }
  const directed = p.bool('directed');
  const root = p.match('root', /^(0[1-9]|1\d|20)$/, 'a CAMEO root 01–20');
  const cameo = p.match('cameo', /^\d{2,4}$/, 'a CAMEO code of 2 to 4 digits');
  const qcRaw = p.raw('quadClass');
  let quadClass: number[] | null = null;
  if (qcRaw !== null) {
    const parts = qcRaw.split(',');
    if (!parts.every((x) => /^[1-4]$/.test(x))) {
      throw badParam('quadClass', `expected 1, 2, 3 or 4 (or a comma list such as 3,4), got ${JSON.stringify(qcRaw.slice(0, 60))}`);
    }
    quadClass = [...new Set(parts.map(Number))];
  }
  const since = p.date('since');
  const until = p.date('until');
  if (since !== null && until !== null && since > until) throw badParam('until', `is before since (${since} > ${until})`);
  const outlet = p.str('outlet', 200);
  const q = p.str('q', 200);
  return { actor: actor?.toUpperCase() ?? null, dyad, directed, root, cameo, quadClass, since, until, outlet, q };
}

/** Accumulates bound values and hands out $n placeholders. */
export class Binder {
  readonly values: unknown[] = [];
  bind(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

function likePattern(s: string): string {
  return '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** An actor code matches an event side by its full code or its country (FRA matches FRAGOV). */
function side(col: 'source' | 'target', ph: string): string {
  return `(e.${col}_code = ${ph} OR e.${col}_country = ${ph})`;
}

export function whereClause(f: Filter, b: Binder, extra: string[] = []): string {
  const w: string[] = [...extra];
  if (f.actor !== null) {
    const ph = b.bind(f.actor);
    w.push(`(${side('source', ph)} OR ${side('target', ph)})`);
  }
  if (f.dyad !== null) {
    const pa = b.bind(f.dyad[0]);
    const pb = b.bind(f.dyad[1]);
    const fwd = `(${side('source', pa)} AND ${side('target', pb)})`;
    w.push(f.directed ? fwd : `(${fwd} OR (${side('source', pb)} AND ${side('target', pa)}))`);
  }
  if (f.root !== null) w.push(`e.root = ${b.bind(f.root)}`);
  if (f.cameo !== null) w.push(`starts_with(e.cameo, ${b.bind(f.cameo)})`);
  if (f.quadClass !== null) w.push(`e.quad_class IN (${f.quadClass.map((q) => b.bind(q)).join(', ')})`);
  if (f.since !== null) w.push(`e.date >= CAST(${b.bind(f.since)} AS DATE)`);
  if (f.until !== null) w.push(`e.date <= CAST(${b.bind(f.until)} AS DATE)`);
  if (f.outlet !== null) w.push(`e.id IN (SELECT m.event_id FROM mentions m WHERE m.outlet = ${b.bind(f.outlet)})`);
  if (f.q !== null) {
    const ph = b.bind(likePattern(f.q));
    w.push(
      `e.id IN (SELECT m.event_id FROM mentions m LEFT JOIN articles a ON a.id = m.article_id ` +
        `WHERE m.evidence_text ILIKE ${ph} ESCAPE '\\' OR a.title ILIKE ${ph} ESCAPE '\\')`,
    );
  }
  return w.length ? 'WHERE ' + w.join(' AND ') : '';
}

interface EventRow {
  id: string;
  date: string | null;
  source_code: string | null;
  source_country: string | null;
  source_role: string | null;
  source_name: string | null;
  target_code: string | null;
  target_country: string | null;
  target_role: string | null;
  target_name: string | null;
  cameo: string;
  root: string;
  quad_class: number;
  goldstein: number;
  plover_event: string | null;
  plover_mode: string | null;
  location_name: string | null;
  lat: number | null;
  lon: number | null;
  location_country: string | null;
  num_mentions: number;
  num_sources: number;
  num_articles: number;
  first_seen: string | null;
}

const EVENT_COLUMNS = `e.id, CAST(e.date AS VARCHAR) AS date, e.source_code, e.source_country, e.source_role, e.source_name,
  e.target_code, e.target_country, e.target_role, e.target_name, e.cameo, e.root, e.quad_class, e.goldstein,
  e.plover_event, e.plover_mode, e.location_name, e.lat, e.lon, e.location_country,
  e.num_mentions, e.num_sources, e.num_articles, CAST(e.first_seen AS VARCHAR) AS first_seen`;

function num(v: unknown): number {
  return typeof v === 'number' ? v : Number(v);
}

function actorOut(code: string | null, country: string | null, role: string | null, name: string | null) {
  return code === null ? null : { code, country, role, name };
}

function eventOut(r: EventRow) {
  return {
    id: r.id,
    date: r.date,
    source: actorOut(r.source_code, r.source_country, r.source_role, r.source_name),
    target: actorOut(r.target_code, r.target_country, r.target_role, r.target_name),
    cameo: r.cameo,
    root: r.root,
    quadClass: num(r.quad_class),
    goldstein: num(r.goldstein),
    plover: { event: r.plover_event, mode: r.plover_mode },
    location:
      r.lat === null || r.lon === null
        ? null
        : { name: r.location_name, lat: num(r.lat), lon: num(r.lon), country: r.location_country },
    numMentions: num(r.num_mentions),
    numSources: num(r.num_sources),
    numArticles: num(r.num_articles),
    firstSeen: r.first_seen,
  };
}

/** Sortable columns: the SQL expression and the field of EventRow that holds its value (for the keyset cursor). */
const SORTS: Record<string, { sql: string; field: keyof EventRow; date?: true }> = {
  date: { sql: 'e.date', field: 'date', date: true },
  goldstein: { sql: 'e.goldstein', field: 'goldstein' },
  mentions: { sql: 'e.num_mentions', field: 'num_mentions' },
  sources: { sql: 'e.num_sources', field: 'num_sources' },
  articles: { sql: 'e.num_articles', field: 'num_articles' },
  cameo: { sql: 'e.cameo', field: 'cameo' },
  quadClass: { sql: 'e.quad_class', field: 'quad_class' },
  source: { sql: 'e.source_code', field: 'source_code' },
  target: { sql: 'e.target_code', field: 'target_code' },
};

/**
 * The deepest `offset` served: OFFSET makes DuckDB sort and skip every row before the page, so a
 * page at 900,000 cost as much as sorting the store. Deeper pages go by keyset: each answer's
 * `next` cursor (`after=`) starts the following page where the last one ended.
 */
export const MAX_OFFSET = 10_000;

type CursorValue = string | number | null;

/** An `after` cursor: the sort, the order, and the last row's sort value and id, as base64url JSON. */
export function encodeCursor(value: CursorValue, id: string, sort = 'date', order: 'asc' | 'desc' = 'desc'): string {
  return Buffer.from(JSON.stringify([sort, order, value, id]), 'utf8').toString('base64url');
}

function decodeCursor(raw: string, sort: string, order: string): { value: CursorValue; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  const ok = Array.isArray(parsed) && parsed.length === 4 && typeof parsed[3] === 'string' &&
    (parsed[2] === null || typeof parsed[2] === 'string' || typeof parsed[2] === 'number');
  if (!ok) throw badParam('after', 'not a cursor given by this API (use the `next` of the previous page)');
  const [s, o, value, id] = parsed as [unknown, unknown, CursorValue, string];
  if (s !== sort || o !== order) throw badParam('after', `the cursor is for sort=${String(s)}&order=${String(o)}, not sort=${sort}&order=${order}`);
  if (sort === 'date' && value !== null && (typeof value !== 'string' || !isValidDate(value))) throw badParam('after', 'bad date in the cursor');
  return { value, id };
}

/** Rows after the cursor in ORDER BY col <order> NULLS LAST, e.id <order>. */
function keysetClause(c: { value: CursorValue; id: string }, sort: string, order: 'asc' | 'desc', b: Binder): string {
  const col = SORTS[sort]!;
  const cmp = order === 'desc' ? '<' : '>';
  const id = b.bind(c.id);
  if (c.value === null) return `(${col.sql} IS NULL AND e.id ${cmp} ${id})`;
  const v = col.date ? `CAST(${b.bind(c.value)} AS DATE)` : b.bind(c.value);
  return `(${col.sql} ${cmp} ${v} OR (${col.sql} = ${v} AND e.id ${cmp} ${id}) OR ${col.sql} IS NULL)`;
}

function pageParams(p: Params) {
  const offset = p.int('offset', 0, 0, 100_000_000);
  if (offset > MAX_OFFSET) {
    throw badParam('offset', `at most ${MAX_OFFSET.toLocaleString('en')}; page deeper with after=<the next cursor of the previous page>`);
  }
  return offset;
}

/** The first article of each event on the page (dated ones first), so every row can link to its source. */
async function firstArticles(db: ReadStore, eventIds: string[]) {
  const out = new Map<string, { id: string; title: string | null; outlet: string | null; date: string | null }>();
  if (!eventIds.length) return out;
  const ids = new Binder();
  const list = eventIds.map((id) => ids.bind(id)).join(', ');
  const arts = await db.query<{ event_id: string; article_id: string; title: string | null; outlet: string | null; date: string | null }>(
    `WITH r AS (
       SELECT m.event_id, m.article_id, m.outlet, m.article_date,
              row_number() OVER (PARTITION BY m.event_id ORDER BY m.article_date NULLS LAST, m.article_id) AS rn
       FROM mentions m WHERE m.event_id IN (${list})),
     f AS (SELECT event_id, article_id, outlet, article_date FROM r WHERE rn = 1)
     SELECT f.event_id, f.article_id, a.title, f.outlet, CAST(f.article_date AS VARCHAR) AS date
     FROM f LEFT JOIN articles a ON a.id = f.article_id`,
    ids.values,
  );
  for (const a of arts) out.set(a.event_id, { id: a.article_id, title: a.title, outlet: a.outlet, date: a.date });
  return out;
}

export async function listEvents(db: ReadStore, sp: URLSearchParams) {
  const p = new Params(sp, [...FILTER_PARAMS, 'limit', 'offset', 'sort', 'order', 'after']);
  const f = parseFilter(p);
  const limit = p.int('limit', 50, 1, 1000);
  const offset = pageParams(p);
  const sort = p.oneOf('sort', Object.keys(SORTS), 'date');
  const order = p.oneOf('order', ['asc', 'desc'] as const, 'desc');
  const afterRaw = p.str('after', 2000);
  const cursor = afterRaw === null ? null : decodeCursor(afterRaw, sort, order);
  const b = new Binder();
  const where = whereClause(f, b);
  const countSql = `SELECT CAST(count(*) AS INTEGER) AS n FROM events e ${where}`;
  const countValues = [...b.values];
  const keyset = cursor === null ? '' : `${where ? 'AND' : 'WHERE'} ${keysetClause(cursor, sort, order, b)}`;
  const lim = b.bind(limit);
  const off = b.bind(offset);
  const col = SORTS[sort]!;
  const sql = `SELECT ${EVENT_COLUMNS} FROM events e ${where} ${keyset}
    ORDER BY ${col.sql} ${order.toUpperCase()} NULLS LAST, e.id ${order.toUpperCase()} LIMIT ${lim} OFFSET ${off}`;
  const [rows, count] = await Promise.all([
    db.query<EventRow>(sql, b.values),
    db.query<{ n: number }>(countSql, countValues),
  ]);
  const last = rows.length === limit ? rows[rows.length - 1]! : null;
  const firstArticle = await firstArticles(db, rows.map((r) => r.id));
  return {
    total: num(count[0]?.n ?? 0),
    limit,
    offset,
    sort,
    order,
    next: last === null ? null : encodeCursor(cursorValue(last, col), last.id, sort, order),
    events: rows.map(eventOut).map((e) => ({ ...e, article: firstArticle.get(e.id) ?? null })),
  };
}

function cursorValue(r: EventRow, col: { field: keyof EventRow }): CursorValue {
  const v = r[col.field];
  return v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : Number(v);
}

export async function getEvent(db: ReadStore, id: string, sp: URLSearchParams) {
  new Params(sp, []);
  if (id.length > 200) throw badParam('id', 'too long');
  const rows = await db.query<EventRow>(`SELECT ${EVENT_COLUMNS} FROM events e WHERE e.id = $1`, [id]);
  if (!rows.length) throw new HttpError(404, `no event with id ${JSON.stringify(id)}`);
  const mentions = await db.query<{
    article_id: string; article_event_id: string | null; sentence: number | null; evidence_start: number | null;
    evidence_end: number | null; evidence_text: string | null; rule: string | null; source_text: string | null;
    target_text: string | null; outlet: string | null; article_date: string | null; title: string | null; url: string | null;
  }>(
    `SELECT m.article_id, m.article_event_id, m.sentence, m.evidence_start, m.evidence_end, m.evidence_text, m.rule,
       m.source_text, m.target_text, m.outlet, CAST(m.article_date AS VARCHAR) AS article_date, a.title, a.url
     FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE m.event_id = $1
     ORDER BY m.article_date, m.article_id, m.sentence`,
    [id],
  );
  return {
    event: eventOut(rows[0]!),
    mentions: mentions.map((m) => ({
      articleId: m.article_id,
      articleEventId: m.article_event_id,
      title: m.title,
      url: m.url,
      outlet: m.outlet,
      articleDate: m.article_date,
      sentence: m.sentence === null ? null : num(m.sentence),
      evidence: {
        start: m.evidence_start === null ? null : num(m.evidence_start),
        end: m.evidence_end === null ? null : num(m.evidence_end),
        text: m.evidence_text,
      },
      rule: m.rule,
      sourceText: m.source_text,
      targetText: m.target_text,
    })),
  };
}

export async function getArticle(db: ReadStore, id: string, sp: URLSearchParams) {
  new Params(sp, []);
  if (id.length > 200) throw badParam('id', 'too long');
  const rows = await db.query<{
    id: string; url: string | null; canonical_url: string | null; outlet: string | null; title: string | null;
    date: string | null; language: string | null; text: string | null; doc_json: string | null; num_events: number | null;
    ingested_at: string | null;
  }>(
    `SELECT id, url, canonical_url, outlet, title, CAST(date AS VARCHAR) AS date, language, text, doc_json, num_events,
       CAST(ingested_at AS VARCHAR) AS ingested_at FROM articles WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) throw new HttpError(404, `no article with id ${JSON.stringify(id)}`);
  let doc: CodedDocument | null = null;
  if (r.doc_json) {
    try {
      doc = JSON.parse(r.doc_json) as CodedDocument;
    } catch {
      doc = null;
    }
  }
  // Which stored (deduplicated) event each of the article's coded events became.
  const links = await db.query<{ article_event_id: string; event_id: string }>(
    'SELECT article_event_id, event_id FROM mentions WHERE article_id = $1',
    [id],
  );
  const storedEvents: Record<string, string> = {};
  for (const l of links) if (l.article_event_id) storedEvents[l.article_event_id] = l.event_id;
  return {
    article: {
      id: r.id,
      url: r.url,
      canonicalUrl: r.canonical_url,
      outlet: r.outlet,
      title: r.title,
      date: r.date,
      language: r.language,
      numEvents: r.num_events === null ? 0 : num(r.num_events),
      ingestedAt: r.ingested_at,
    },
    document: doc ?? {
      version: '1.0',
      document: { title: r.title, date: r.date, url: r.url, outlet: r.outlet, language: r.language ?? 'en', standfirst: null,
        text: r.text ?? '', captions: [], dropped: [] },
      sentences: [], entities: [], quotes: [], events: [], nonEvents: [],
    },
    storedEvents,
  };
}

export async function listActors(db: ReadStore, sp: URLSearchParams) {
  const p = new Params(sp, [...FILTER_PARAMS, 'search', 'limit', 'offset']);
  const f = parseFilter(p);
  const search = p.str('search', 100);
  const limit = p.int('limit', 100, 1, 1000);
  const offset = pageParams(p);
  const b = new Binder();
  const where = whereClause(f, b);
  const searchClause = search === null ? '' : (() => {
    const ph = b.bind(likePattern(search));
    return `AND (c.code ILIKE ${ph} ESCAPE '\\' OR c.name ILIKE ${ph} ESCAPE '\\')`;
  })();
  const base = `WITH c AS (
      SELECT e.source_code AS code, e.source_name AS name, e.source_country AS country, e.source_role AS role FROM events e ${where}
      UNION ALL
      SELECT e.target_code, e.target_name, e.target_country, e.target_role FROM events e ${where}
    ), g AS (
      SELECT c.code, any_value(c.name) AS name, any_value(c.country) AS country, any_value(c.role) AS role,
        CAST(count(*) AS INTEGER) AS events
      FROM c WHERE c.code IS NOT NULL ${searchClause} GROUP BY c.code
    )`;
  const countValues = [...b.values];
  const lim = b.bind(limit);
  const off = b.bind(offset);
  const [rows, count] = await Promise.all([
    db.query<{ code: string; name: string | null; country: string | null; role: string | null; events: number }>(
      `${base} SELECT g.code, coalesce(ac.name, g.name) AS name, coalesce(ac.country, g.country) AS country,
         coalesce(ac.role, g.role) AS role, g.events
       FROM g LEFT JOIN actors ac ON ac.code = g.code ORDER BY g.events DESC, g.code LIMIT ${lim} OFFSET ${off}`,
      b.values,
    ),
    db.query<{ n: number }>(`${base} SELECT CAST(count(*) AS INTEGER) AS n FROM g`, countValues),
  ]);
  return {
    total: num(count[0]?.n ?? 0),
    limit,
    offset,
    actors: rows.map((r) => ({ code: r.code, name: r.name, country: r.country, role: r.role, events: num(r.events) })),
  };
}

export async function listOutlets(db: ReadStore, sp: URLSearchParams) {
  new Params(sp, []);
  const rows = await db.query<{ outlet: string; articles: number }>(
    `SELECT outlet, CAST(count(*) AS INTEGER) AS articles FROM articles WHERE outlet IS NOT NULL
     GROUP BY outlet ORDER BY articles DESC, outlet LIMIT 500`,
  );
  return { outlets: rows.map((r) => ({ outlet: r.outlet, articles: num(r.articles) })) };
}

const QUAD_COUNTS = `CAST(count(*) FILTER (WHERE e.quad_class = 1) AS INTEGER) AS q1,
  CAST(count(*) FILTER (WHERE e.quad_class = 2) AS INTEGER) AS q2,
  CAST(count(*) FILTER (WHERE e.quad_class = 3) AS INTEGER) AS q3,
  CAST(count(*) FILTER (WHERE e.quad_class = 4) AS INTEGER) AS q4,
  CAST(count(*) AS INTEGER) AS n, avg(e.goldstein) AS goldstein`;

interface QuadRow {
  d: string;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  n: number;
  goldstein: number | null;
}

function quadOut(r: QuadRow) {
  return {
    date: r.d,
    q1: num(r.q1),
    q2: num(r.q2),
    q3: num(r.q3),
    q4: num(r.q4),
    total: num(r.n),
    goldstein: r.goldstein === null ? null : Math.round(num(r.goldstein) * 100) / 100,
  };
}

export async function dyadTimeline(db: ReadStore, a: string, bCode: string, sp: URLSearchParams) {
  if (!ACTOR_RE.test(a)) throw badParam('a', `expected an actor code, got ${JSON.stringify(a.slice(0, 60))}`);
  if (!ACTOR_RE.test(bCode)) throw badParam('b', `expected an actor code, got ${JSON.stringify(bCode.slice(0, 60))}`);
  const p = new Params(sp, FILTER_PARAMS.filter((x) => x !== 'dyad'));
  const f = parseFilter(p);
  f.dyad = [a.toUpperCase(), bCode.toUpperCase()];
  const b = new Binder();
  const where = whereClause(f, b);
  const rows = await db.query<QuadRow>(
    `SELECT CAST(e.date AS VARCHAR) AS d, ${QUAD_COUNTS} FROM events e ${where} AND e.date IS NOT NULL
     GROUP BY e.date ORDER BY e.date`,
    b.values,
  );
  const days = rows.map(quadOut);
  return { a: f.dyad[0], b: f.dyad[1], directed: f.directed, total: days.reduce((s, d) => s + d.total, 0), days };
}

export async function network(db: ReadStore, sp: URLSearchParams) {
  const p = new Params(sp, [...FILTER_PARAMS, 'nodes', 'minWeight']);
  const f = parseFilter(p);
  const top = p.int('nodes', 40, 2, 300);
  const minWeight = p.int('minWeight', 1, 1, 1_000_000);
  const b = new Binder();
  const where = whereClause(f, b, ['e.source_code IS NOT NULL', 'e.target_code IS NOT NULL', 'e.source_code <> e.target_code']);
  const topPh = b.bind(top);
  const minPh = b.bind(minWeight);
  // Group the rows by directed pair once; nodes and edges are then computed from the few pairs.
  const cte = `WITH p AS MATERIALIZED (
        SELECT e.source_code AS s, e.target_code AS t, count(*) AS n, sum(e.goldstein) AS g,
          count(*) FILTER (WHERE e.quad_class = 1) AS q1, count(*) FILTER (WHERE e.quad_class = 2) AS q2,
          count(*) FILTER (WHERE e.quad_class = 3) AS q3, count(*) FILTER (WHERE e.quad_class = 4) AS q4
        FROM events e ${where} GROUP BY 1, 2),
      c AS (SELECT code, CAST(sum(n) AS INTEGER) AS events FROM (SELECT s AS code, n FROM p UNION ALL SELECT t, n FROM p)
        GROUP BY code ORDER BY events DESC, code LIMIT ${topPh})`;
  const [nodes, edges] = await Promise.all([
    db.query<{ code: string; name: string | null; country: string | null; events: number }>(
      `${cte} SELECT c.code, ac.name, ac.country, c.events FROM c LEFT JOIN actors ac ON ac.code = c.code
       WHERE ${minPh} > 0 ORDER BY c.events DESC, c.code`,
      b.values,
    ),
    db.query<{ s: string; t: string; w: number; g: number; q1: number; q2: number; q3: number; q4: number }>(
      `${cte} SELECT p.s, p.t, CAST(p.n AS INTEGER) AS w, p.g / p.n AS g, CAST(p.q1 AS INTEGER) AS q1,
         CAST(p.q2 AS INTEGER) AS q2, CAST(p.q3 AS INTEGER) AS q3, CAST(p.q4 AS INTEGER) AS q4
       FROM p WHERE p.s IN (SELECT code FROM c) AND p.t IN (SELECT code FROM c) AND p.n >= ${minPh}
       ORDER BY w DESC, p.s, p.t LIMIT 2000`,
      b.values,
    ),
  ]);
  return {
    nodes: nodes.map((n) => ({ code: n.code, name: n.name, country: n.country, events: num(n.events) })),
    edges: edges.map((e) => ({
      source: e.s,
      target: e.t,
      weight: num(e.w),
      goldstein: Math.round(num(e.g) * 100) / 100,
      quad: [num(e.q1), num(e.q2), num(e.q3), num(e.q4)],
    })),
  };
}

function nextBucket(d: string, bucket: 'day' | 'week' | 'month'): string {
  const t = new Date(d + 'T00:00:00Z');
  if (bucket === 'month') t.setUTCMonth(t.getUTCMonth() + 1);
  else t.setUTCDate(t.getUTCDate() + (bucket === 'week' ? 7 : 1));
  return t.toISOString().slice(0, 10);
}

/** Insert empty buckets so the series is evenly spaced in time (at most a few thousand points). */
export function fillGaps(points: ReturnType<typeof quadOut>[], bucket: 'day' | 'week' | 'month'): ReturnType<typeof quadOut>[] {
  if (points.length < 2) return points;
  const out: ReturnType<typeof quadOut>[] = [];
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    out.push(p);
    const next = points[i + 1];
    if (!next) break;
    for (let d = nextBucket(p.date, bucket); d < next.date && out.length < 20_000; d = nextBucket(d, bucket)) {
      out.push({ date: d, q1: 0, q2: 0, q3: 0, q4: 0, total: 0, goldstein: null });
    }
  }
  return out;
}

export async function overview(db: ReadStore, sp: URLSearchParams) {
  const p = new Params(sp, [...FILTER_PARAMS, 'dyads', 'places']);
  const f = parseFilter(p);
  const nDyads = p.int('dyads', 10, 1, 100);
  const nPlaces = p.int('places', 1500, 1, 10000);
  const mk = () => {
    const b = new Binder();
    const where = whereClause(f, b);
    return { b, where, and: where ? `${where} AND` : 'WHERE' };
  };
  const r0 = mk();
  const range = await db.query<{ n: number; lo: string | null; hi: string | null }>(
    `SELECT CAST(count(*) AS INTEGER) AS n, CAST(min(e.date) AS VARCHAR) AS lo, CAST(max(e.date) AS VARCHAR) AS hi
     FROM events e ${r0.where}`,
    r0.b.values,
  );
  const { n, lo, hi } = range[0] ?? { n: 0, lo: null, hi: null };
  const spanDays = lo && hi ? (Date.parse(hi) - Date.parse(lo)) / 86_400_000 : 0;
  const bucket = spanDays <= 400 ? 'day' : spanDays <= 3000 ? 'week' : 'month';
  const bucketExpr = bucket === 'day' ? 'e.date' : `CAST(date_trunc('${bucket}', e.date) AS DATE)`;
  const s1 = mk();
  const s2 = mk();
  const dl = s2.b.bind(nDyads);
  const s3 = mk();
  const pl = s3.b.bind(nPlaces);
  const [series, dyads, places] = await Promise.all([
    db.query<QuadRow>(
      `SELECT CAST(${bucketExpr} AS VARCHAR) AS d, ${QUAD_COUNTS} FROM events e ${s1.and} e.date IS NOT NULL GROUP BY 1 ORDER BY 1`,
      s1.b.values,
    ),
    // Two stages: group the directed pairs over all rows, then fold the few pairs into undirected dyads.
    db.query<{ a: string; b: string; an: string | null; bn: string | null; n: number; g: number; q3: number }>(
      `WITH d AS (
         SELECT e.source_code AS s, e.target_code AS t, count(*) AS n, sum(e.goldstein) AS g,
           count(*) FILTER (WHERE e.quad_class >= 3) AS c
         FROM events e ${s2.and} e.source_code IS NOT NULL AND e.target_code IS NOT NULL AND e.source_code <> e.target_code
         GROUP BY 1, 2),
       u AS (
         SELECT least(s, t) AS a, greatest(s, t) AS b, CAST(sum(n) AS INTEGER) AS n, sum(g) / sum(n) AS g,
           CAST(sum(c) AS INTEGER) AS q3
         FROM d GROUP BY 1, 2 ORDER BY n DESC, a, b LIMIT ${dl})
       SELECT u.a, u.b, aa.name AS an, ab.name AS bn, u.n, u.g, u.q3
       FROM u LEFT JOIN actors aa ON aa.code = u.a LEFT JOIN actors ab ON ab.code = u.b
       ORDER BY u.n DESC, u.a, u.b`,
      s2.b.values,
    ),
    db.query<{ lat: number; lon: number; name: string | null; country: string | null; n: number; g: number }>(
      `WITH p AS (
         SELECT e.lat, e.lon, any_value(e.location_name) AS name, any_value(e.location_country) AS country,
           count(*) AS n, sum(e.goldstein) AS g
         FROM events e ${s3.and} e.lat IS NOT NULL AND e.lon IS NOT NULL GROUP BY 1, 2)
       SELECT round(lat, 1) AS lat, round(lon, 1) AS lon, arg_max(name, n) AS name, arg_max(country, n) AS country,
         CAST(sum(n) AS INTEGER) AS n, sum(g) / sum(n) AS g
       FROM p GROUP BY 1, 2 ORDER BY n DESC, lat, lon LIMIT ${pl}`,
      s3.b.values,
    ),
  ]);
  const perBucket = fillGaps(series.map(quadOut), bucket);
  const quad = [0, 0, 0, 0];
  for (const d of perBucket) {
    quad[0] += d.q1;
    quad[1] += d.q2;
    quad[2] += d.q3;
    quad[3] += d.q4;
  }
  return {
    total: num(n),
    range: { since: lo, until: hi },
    bucket,
    quadTotals: quad,
    series: perBucket,
    topDyads: dyads.map((d) => ({
      a: d.a,
      b: d.b,
      aName: d.an,
      bName: d.bn,
      events: num(d.n),
      conflict: num(d.q3),
      goldstein: Math.round(num(d.g) * 100) / 100,
    })),
    locations: places.map((l) => ({
      lat: num(l.lat),
      lon: num(l.lon),
      name: l.name,
      country: l.country,
      events: num(l.n),
      goldstein: Math.round(num(l.g) * 100) / 100,
    })),
  };
}

/** The store counts behind /api/health and the version that invalidates the response cache. */
export interface StoreCounts {
  events: number;
  articles: number;
  mentions: number;
  actors: number;
}

/** One cheap statement (table counts are metadata in DuckDB): the counts and the store's version. */
export const COUNTS_SQL = `SELECT (SELECT CAST(count(*) AS INTEGER) FROM events) AS events,
  (SELECT CAST(count(*) AS INTEGER) FROM articles) AS articles, (SELECT CAST(count(*) AS INTEGER) FROM mentions) AS mentions,
  (SELECT CAST(count(*) AS INTEGER) FROM actors) AS actors, (SELECT CAST(max(ingested_at) AS VARCHAR) FROM articles) AS last`;

export function countsOut(r: Record<string, unknown>): { counts: StoreCounts; version: string } {
  const counts = { events: num(r['events']), articles: num(r['articles']), mentions: num(r['mentions']), actors: num(r['actors']) };
  return { counts, version: `${counts.articles}|${counts.events}|${counts.mentions}|${counts.actors}|${String(r['last'])}` };
}

/** GET /api/health: the store's file name (not its absolute path) and its counts as of `asOf`. */
export function health(dbName: string, counts: StoreCounts, asOf: Date) {
  return { ok: true, version: '0.1.0', db: dbName, counts, asOf: asOf.toISOString() };
}

export type Coder = (text: string, opts: { date?: string; title?: string; url?: string }) => Promise<CodedDocument>;

/** POST /api/code: validate the body, then run the coder. */
export async function codeText(body: unknown, coder: Coder) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'body: expected a JSON object {"text": "...", "date": "YYYY-MM-DD"}', 'body');
  }
  const o = body as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!['text', 'date', 'title', 'url'].includes(k)) throw badParam(clip(k), 'unknown field (allowed: text, date, title, url)');
  }
  if (typeof o['text'] !== 'string' || o['text'].trim() === '') throw badParam('text', 'expected a non-empty string');
  const date = o['date'];
  if (date !== undefined && date !== null && date !== '' && (typeof date !== 'string' || !isValidDate(date))) {
    throw badParam('date', `expected a date YYYY-MM-DD, got ${JSON.stringify(clip(typeof date === 'string' ? date : JSON.stringify(date)))}`);
  }
  for (const k of ['title', 'url'] as const) {
    const v = o[k];
    if (v !== undefined && v !== null && typeof v !== 'string') throw badParam(k, 'expected a string');
  }
  const opts: { date?: string; title?: string; url?: string } = {};
  if (typeof date === 'string' && date !== '') opts.date = date;
  if (typeof o['title'] === 'string' && o['title'] !== '') opts.title = o['title'];
  if (typeof o['url'] === 'string' && o['url'] !== '') opts.url = o['url'];
  return coder(o['text'], opts);
}
