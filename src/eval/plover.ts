/**
 * Scores the coder on the PLOVER gold standard records (../shared/eval/plover-gsr.jsonl):
 *   - event type alone (CAMEO code → PLOVER draft type through the codebook);
 *   - event type with source and target countries;
 *   - actor recognition: for each gold source/target actor, an entity at that text whose
 *     country-level code matches (the actor issue's measure).
 * Scoring, per sentence: the predicted (type, source, target) tuples are compared with the gold
 * event; a predicted tuple is right when its type is the gold type and its source and target
 * are among the gold ones (an empty gold target accepts no target, or one of the gold sources
 * for reciprocal SRC/TAR records). Precision counts every distinct predicted tuple.
 */
import { join } from 'node:path';
import { codeSync } from '../index.js';
import { loadCodebook, type CodebookEntry } from '../events/codebook.js';
import { evalPart, type EvalPart } from './split.js';
import { needsIdAndText, readJsonl } from './jsonl.js';
import type { CodedDocument, ContractEntity } from '../model/contract.js';

interface GoldActor {
  text: string;
  code: string;
  sector: string | null;
}

interface GoldRecord {
  id: string;
  date: string;
  text: string;
  event: string;
  mode: string | null;
  source: GoldActor[];
  target: GoldActor[];
}

/** CAMEO country codes of the gold file that differ from ISO 3166-1 alpha-3. */
export const GOLD_CODE_MAP: Record<string, string> = { JAP: 'JPN', ITL: 'ITA', VTN: 'VNM', ISM: 'IMG' };

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
}

export interface PloverScores {
  records: number;
  typeOnly: Prf;
  withActors: Prf;
  perType: Map<string, { type: Prf; actors: Prf; gold: number }>;
  actorShare: { found: number; total: number };
}

export interface PloverRun {
  parts: Record<EvalPart, PloverScores>;
  /** Misses of the tuning part (only when asked for). */
  misses: string[];
  seconds: number;
}

export function prf(p: Prf): { precision: number; recall: number; f1: number } {
  const precision = p.tp + p.fp === 0 ? 0 : p.tp / (p.tp + p.fp);
  const recall = p.tp + p.fn === 0 ? 0 : p.tp / (p.tp + p.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** The country-level code of an actor: ISO-3, or IGO/NGO/IMG for international actors. */
export function levelCode(code: string | null, country: string | null): string | null {
  if (country) return country;
  if (!code) return null;
  const head = code.slice(0, 3);
  if (head === 'IGO' || head === 'NGO' || head === 'IMG' || head === 'MNC') return head;
  return /^[A-Z]{3}$/.test(head) && code.length > 3 && !/^(GOV|MIL|COP|JUD|LEG|OPP|PTY|REB|INS|SEP|MED|EDU|BUS|CVL|REF|HLH|NGO|IGO|LAB|AGR|ELI|CRM|RAD|REL|SPY|UAF|ENV|MOD)$/.test(head) ? head : null;
}

function goldCode(a: GoldActor): string | null {
  if (!a.code || a.code.length < 3) return null;
  return GOLD_CODE_MAP[a.code] ?? a.code;
}

function bump(m: PloverScores['perType'], type: string) {
  let r = m.get(type);
  if (!r) {
    r = { type: { tp: 0, fp: 0, fn: 0 }, actors: { tp: 0, fp: 0, fn: 0 }, gold: 0 };
    m.set(type, r);
  }
  return r;
}

export function readGold(sharedDir: string): GoldRecord[] | null {
  return readJsonl<GoldRecord>(join(sharedDir, 'eval', 'plover-gsr.jsonl'), (r) => {
    const base = needsIdAndText(r);
    if (base !== null) return base;
    if (typeof r['event'] !== 'string') return `record ${String(r['id'])}: needs a string "event"`;
    return Array.isArray(r['source']) && Array.isArray(r['target']) ? null : `record ${String(r['id'])}: "source" and "target" must be lists`;
  });
}

/**
 * Entities overlapping the gold actor text. The gold texts sometimes double a space or elide
 * words ("U.S. ... negotiators"): whitespace is collapsed and each fragment is looked up.
 */
function entityAt(coded: CodedDocument, text: string): ContractEntity[] {
  const out: ContractEntity[] = [];
  for (const fragment of text.split(/\s*\.\.\.?\s*/)) {
    const want = fragment.replace(/\s+/g, ' ').trim();
    if (want === '') continue;
    const at = coded.document.text.indexOf(want);
    if (at < 0) continue;
    const end = at + want.length;
    for (const e of coded.entities) if (e.start < end && at < e.end && !out.includes(e)) out.push(e);
  }
  return out;
}

function emptyScores(): PloverScores {
  return {
    records: 0,
    typeOnly: { tp: 0, fp: 0, fn: 0 },
    withActors: { tp: 0, fp: 0, fn: 0 },
    perType: new Map(),
    actorShare: { found: 0, total: 0 },
  };
}

/** Actor recognition of one record: each gold actor with a country-level code. */
function scoreActors(g: GoldRecord, coded: CodedDocument, scores: PloverScores, misses: string[] | null): void {
  for (const a of [...g.source, ...g.target]) {
    const want = goldCode(a);
    if (!want) continue;
    scores.actorShare.total++;
    const ents = entityAt(coded, a.text);
    if (ents.some((e) => levelCode(e.code, e.country) === want)) scores.actorShare.found++;
    else misses?.push(`actor  ${g.id}: "${a.text}" want ${want}, got ${ents.map((e) => e.code ?? 'null').join(',') || 'nothing'}`);
  }
}

type Tuple = { type: string; s: string | null; t: string | null };

function predictedTuples(coded: CodedDocument, codebook: Map<string, CodebookEntry>): Map<string, Tuple> {
  const tuples = new Map<string, Tuple>();
  for (const e of coded.events) {
    const type = codebook.get(e.cameo)?.ploverDraft ?? 'NONE';
    if (type === 'NONE') continue;
    const s = e.source ? levelCode(e.source.code, e.source.country) : null;
    const t = e.target ? levelCode(e.target.code, e.target.country) : null;
    tuples.set(`${type}|${s}|${t}`, { type, s, t });
  }
  return tuples;
}

function scoreTypes(g: GoldRecord, tuples: Map<string, Tuple>, scores: PloverScores): void {
  const types = new Set([...tuples.values()].map((x) => x.type));
  const row = bump(scores.perType, g.event);
  row.gold++;
  if (types.has(g.event)) {
    scores.typeOnly.tp++;
    row.type.tp++;
  } else {
    scores.typeOnly.fn++;
    row.type.fn++;
  }
  for (const t of types) {
    if (t !== g.event) {
      scores.typeOnly.fp++;
      bump(scores.perType, t).type.fp++;
    }
  }
}

function scoreEvents(g: GoldRecord, tuples: Map<string, Tuple>, scores: PloverScores, misses: string[] | null): void {
  const gs = new Set(g.source.map(goldCode).filter((x): x is string => x !== null));
  const gt = new Set(g.target.map(goldCode).filter((x): x is string => x !== null));
  const ok = (x: Tuple) => {
    if (x.type !== g.event) return false;
    const sOk = gs.size === 0 ? x.s === null || gt.has(x.s) : x.s !== null && gs.has(x.s);
    const tOk = gt.size === 0 ? x.t === null || gs.has(x.t) : x.t !== null && gt.has(x.t);
    return sOk && tOk;
  };
  const row = bump(scores.perType, g.event);
  let hit = false;
  for (const x of tuples.values()) {
    if (ok(x)) hit = true;
    else {
      scores.withActors.fp++;
      bump(scores.perType, x.type).actors.fp++;
    }
  }
  if (hit) {
    scores.withActors.tp++;
    row.actors.tp++;
    return;
  }
  scores.withActors.fn++;
  row.actors.fn++;
  const got = [...tuples.values()].map((x) => `${x.type}(${x.s}->${x.t})`).join(' ') || 'no event';
  misses?.push(`event  ${g.id}: want ${g.event}(${[...gs].join('/') || '-'}->${[...gt].join('/') || '-'}), got ${got}\n         ${g.text}`);
}

/**
 * Scores every record into its part (`evalPart(id)`); misses (when asked for) are listed for the
 * tuning part only.
 */
export function evalPlover(sharedDir: string, opts: { verbose?: boolean } = {}): PloverRun | null {
  const gold = readGold(sharedDir);
  if (gold === null) return null;
  const codebook = loadCodebook();
  const t0 = performance.now();
  const run: PloverRun = { parts: { tuning: emptyScores(), check: emptyScores() }, misses: [], seconds: 0 };
  for (const g of gold) {
    const part = evalPart(g.id);
    const scores = run.parts[part];
    const misses = opts.verbose && part === 'tuning' ? run.misses : null;
    scores.records++;
    // The gold records all carry the placeholder date 2000-01-01: code them undated, so that people
    // take their most recent office rather than the one they held in 2000.
    const coded = codeSync(g.text, { date: null, detectTitle: false });
    scoreActors(g, coded, scores, misses);
    const tuples = predictedTuples(coded, codebook);
    scoreTypes(g, tuples, scores);
    scoreEvents(g, tuples, scores, misses);
  }
  run.seconds = (performance.now() - t0) / 1000;
  return run;
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5) + '%';
}

/** Both parts' figures; the per-type table of the tuning part only. */
export function formatPlover(run: PloverRun): string {
  const lines: string[] = [];
  const { tuning, check } = run.parts;
  lines.push(`PLOVER gold records (${tuning.records + check.records} sentences, ${run.seconds.toFixed(1)} s)`);
  lines.push('  part      records  event type P/R/F1         type + source/target P/R/F1   actors with the gold country');
  for (const [name, s] of [['tuning', tuning], ['check', check]] as const) {
    const a = prf(s.typeOnly);
    const b = prf(s.withActors);
    const actors = `${s.actorShare.found}/${s.actorShare.total} = ${pct(s.actorShare.found / Math.max(1, s.actorShare.total))}`;
    lines.push(`  ${name.padEnd(8)} ${String(s.records).padStart(8)}  ${pct(a.precision)} ${pct(a.recall)} ${a.f1.toFixed(3)}    ${pct(b.precision)} ${pct(b.recall)} ${b.f1.toFixed(3)}       ${actors}`);
  }
  lines.push('');
  lines.push('  tuning part: type  gold   type P/R/F1            +actors P/R/F1');
  const rows = [...tuning.perType.entries()].sort((x, y) => y[1].gold - x[1].gold);
  for (const [type, r] of rows) {
    const t = prf(r.type);
    const u = prf(r.actors);
    lines.push(`  ${type.padEnd(17)} ${String(r.gold).padStart(5)}   ${pct(t.precision)} ${pct(t.recall)} ${t.f1.toFixed(2)}   ${pct(u.precision)} ${pct(u.recall)} ${u.f1.toFixed(2)}`);
  }
  return lines.join('\n');
}
