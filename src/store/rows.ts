/**
 * The rows a batch of coded articles becomes, shared by every backend: each backend only decides how
 * to write them (DuckDB's appender, PostgreSQL's multi-row inserts). Cells are typed so that the
 * DuckDB appender can pick its append method; `plainCell` gives the value for a parameter.
 */
import type { CodedDocument } from '../model/contract.js';
import type { ArticleInput } from './store.js';
import { sha256, articleId, mergedEventId, validDate } from './keys.js';
import { codeLabel } from '../actors/labels.js';

/** A column value. */
export type Cell =
  | { t: 'v'; v: string | null | undefined }
  | { t: 'i'; v: number | null | undefined }
  | { t: 'd'; v: number | null | undefined }
  | { t: 'date'; v: string | null | undefined }
  | { t: 'ts'; v: Date };

export const V = (v: string | null | undefined): Cell => ({ t: 'v', v });
export const I = (v: number | null | undefined): Cell => ({ t: 'i', v });
export const D = (v: number | null | undefined): Cell => ({ t: 'd', v });
export const DT = (v: string | null | undefined): Cell => ({ t: 'date', v });
export const TS = (v: Date): Cell => ({ t: 'ts', v });

/** A cell as a plain value (ISO strings for timestamps, null for missing or non-finite numbers). */
export function plainCell(c: Cell): string | number | null {
  if (c.t === 'ts') return c.v.toISOString();
  if (c.v === null || c.v === undefined) return null;
  if (c.t === 'i') return Number.isFinite(c.v) ? Math.trunc(c.v) : null;
  if (c.t === 'd') return Number.isFinite(c.v) ? c.v : null;
  if (c.t === 'date') return validDate(c.v);
  return c.v;
}

/** An input article with its identity computed. */
export interface PreparedArticle {
  article: ArticleInput;
  doc: CodedDocument;
  contentHash: string;
  url: string | null;
  canonical: string | null;
  id: string;
}

export function prepareArticles(items: Array<{ article: ArticleInput; doc: CodedDocument }>): PreparedArticle[] {
  return items.map(({ article, doc }) => {
    const contentHash = sha256(doc.document.text);
    const url = article.url ?? doc.document.url ?? null;
    const canonical = article.canonicalUrl ?? null;
    return { article, doc, contentHash, url, canonical, id: articleId(canonical ?? url, contentHash) };
  });
}

/** The articles neither stored (`seen` holds stored ids and content hashes) nor repeated earlier in the batch. */
export function freshArticles(prepared: PreparedArticle[], seen: Set<string>): PreparedArticle[] {
  return prepared.filter((p) => {
    if (seen.has(p.id) || seen.has(p.contentHash)) return false;
    seen.add(p.id);
    seen.add(p.contentHash);
    return true;
  });
}

/** Column order of the rows below (tables as created; stage rows are events plus three columns). */
export const COLUMNS = {
  articles: [
    'id', 'url', 'canonical_url', 'outlet', 'title', 'date', 'language', 'content_hash', 'text', 'doc_json',
    'num_events', 'ingested_at', 'source', 'raw_hash',
  ],
  events: [
    'id', 'date', 'source_code', 'source_country', 'source_role', 'source_name', 'target_code', 'target_country',
    'target_role', 'target_name', 'cameo', 'root', 'quad_class', 'goldstein', 'plover_event', 'plover_mode',
    'location_name', 'lat', 'lon', 'location_country', 'num_mentions', 'num_sources', 'num_articles', 'first_seen',
    'source_url',
  ],
  stageExtra: ['ord', 'article_id', 'outlet'],
  mentions: [
    'event_id', 'article_id', 'article_event_id', 'sentence', 'evidence_start', 'evidence_end', 'evidence_text',
    'rule', 'source_text', 'target_text', 'outlet', 'article_date',
  ],
  actors: ['code', 'country', 'role', 'name'],
  quotes: ['article_id', 'start', 'end', 'text', 'speaker_code', 'speaker_name'],
} as const;

export interface ArticleRows {
  article: Cell[];
  /** Merged-event rows (events columns + ord, article id, outlet or article id), one per (merged event, article event). */
  stage: Cell[][];
  mentions: Cell[][];
  actors: Cell[][];
  quotes: Cell[][];
}

/** The rows of one fresh article; `ord` numbers stage rows across the batch (first report wins). */
export function articleRows(p: PreparedArticle, windowDays: number, now: Date, ord: { n: number }): ArticleRows {
  const { doc, article } = p;
  const date = validDate(article.date ?? doc.document.date);
  const outlet = article.outlet ?? doc.document.outlet ?? null;
  const rows: ArticleRows = {
    article: [
      V(p.id), V(p.url), V(p.canonical), V(outlet), V(article.title ?? doc.document.title), DT(date),
      V(article.language ?? doc.document.language), V(p.contentHash), V(doc.document.text), V(JSON.stringify(doc)),
      I(doc.events.length), TS(now), V(article.source ?? null), V(article.rawHash ?? null),
    ],
    stage: [], mentions: [], actors: [], quotes: [],
  };
  const usedKeys = new Set<string>();
  for (const ev of doc.events) {
    const evDate = validDate(ev.date) ?? date;
    const src = ev.source;
    const tgt = ev.target;
    const mid = mergedEventId(evDate, src?.code ?? null, tgt?.code ?? null, ev.cameo, windowDays, p.id);
    const key = `${mid}|${ev.id}`;
    if (usedKeys.has(key)) continue;
    usedKeys.add(key);
    const loc = ev.location ?? null;
    rows.stage.push([
      V(mid), DT(evDate),
      V(src?.code), V(src?.country), V(src?.role), V(src?.name),
      V(tgt?.code), V(tgt?.country), V(tgt?.role), V(tgt?.name),
      V(ev.cameo), V(ev.root), I(ev.quadClass), D(ev.goldstein), V(ev.plover?.event), V(ev.plover?.mode),
      V(loc?.name), D(loc?.lat), D(loc?.lon), V(loc?.country),
      I(0), I(0), I(0), TS(now), V(p.url ?? p.canonical),
      I(ord.n++), V(p.id), V(outlet ?? p.id),
    ]);
    rows.mentions.push([
      V(mid), V(p.id), V(ev.id), I(ev.sentence), I(ev.evidence.start), I(ev.evidence.end), V(ev.evidence.text),
      V(ev.rule ?? null), V(src?.text), V(tgt?.text), V(outlet), DT(date),
    ]);
    for (const a of [src, tgt]) {
      if (a?.code) rows.actors.push([V(a.code), V(a.country), V(a.role), V(codeLabel(a.code) ?? a.name)]);
    }
  }
  for (const e of doc.entities) {
    if (e.code && e.type !== 'place') rows.actors.push([V(e.code), V(e.country), V(e.role), V(codeLabel(e.code) ?? e.name)]);
  }
  for (const q of doc.quotes) {
    rows.quotes.push([V(p.id), I(q.start), I(q.end), V(q.text), V(q.speaker?.code), V(q.speaker?.name)]);
  }
  return rows;
}
