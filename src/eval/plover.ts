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
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeSync } from '../index.js';
import { loadCodebook } from '../events/codebook.js';
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
  const path = join(sharedDir, 'eval', 'plover-gsr.jsonl');
  if (!existsSync(path)) return null;
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldRecord);
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

export function evalPlover(sharedDir: string, opts: { verbose?: boolean } = {}): PloverScores | null {
  const gold = readGold(sharedDir);
  if (gold === null) return null;
  const codebook = loadCodebook();
  const t0 = performance.now();
  const scores: PloverScores = {
    records: gold.length,
    typeOnly: { tp: 0, fp: 0, fn: 0 },
    withActors: { tp: 0, fp: 0, fn: 0 },
    perType: new Map(),
    actorShare: { found: 0, total: 0 },
    misses: [],
    seconds: 0,
  };
  for (const g of gold) {
    // The gold records all carry the placeholder date 2000-01-01: code them undated, so that people
    // take their most recent office rather than the one they held in 2000.
    const coded = codeSync(g.text, { date: null, detectTitle: false });
    // Actor recognition.
    for (const a of [...g.source, ...g.target]) {
      const want = goldCode(a);
      if (!want) continue;
      scores.actorShare.total++;
      const ents = entityAt(coded, a.text);
      if (ents.some((e) => levelCode(e.code, e.country) === want)) scores.actorShare.found++;
      else if (opts.verbose) scores.misses.push(`actor  ${g.id}: "${a.text}" want ${want}, got ${ents.map((e) => e.code ?? 'null').join(',') || 'nothing'}`);
    }
    // Events.
    const types = new Set<string>();
    const tuples = new Map<string, { type: string; s: string | null; t: string | null }>();
    for (const e of coded.events) {
      const type = codebook.get(e.cameo)?.ploverDraft ?? 'NONE';
      if (type === 'NONE') continue;
      types.add(type);
      const s = e.source ? levelCode(e.source.code, e.source.country) : null;
      const t = e.target ? levelCode(e.target.code, e.target.country) : null;
      tuples.set(`${type}|${s}|${t}`, { type, s, t });
    }
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
    const gs = new Set(g.source.map(goldCode).filter((x): x is string => x !== null));
    const gt = new Set(g.target.map(goldCode).filter((x): x is string => x !== null));
    const ok = (x: { type: string; s: string | null; t: string | null }) => {
      if (x.type !== g.event) return false;
      const sOk = gs.size === 0 ? x.s === null || gt.has(x.s) : x.s !== null && gs.has(x.s);
      const tOk = gt.size === 0 ? x.t === null || gs.has(x.t) : x.t !== null && gt.has(x.t);
      return sOk && tOk;
    };
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
    } else {
      scores.withActors.fn++;
      row.actors.fn++;
      if (opts.verbose) {
        const got = [...tuples.values()].map((x) => `${x.type}(${x.s}->${x.t})`).join(' ') || 'no event';
        scores.misses.push(`event  ${g.id}: want ${g.event}(${[...gs].join('/') || '-'}->${[...gt].join('/') || '-'}), got ${got}\n         ${g.text}`);
      }
    }
  }
  scores.seconds = (performance.now() - t0) / 1000;
  return scores;
}

function pct(x: number): string {
  return (100 * x).toFixed(1).padStart(5) + '%';
}

export function formatPlover(s: PloverScores): string {
  const lines: string[] = [];
  const a = prf(s.typeOnly);
  const b = prf(s.withActors);
  lines.push(`PLOVER gold records (${s.records} sentences, ${s.seconds.toFixed(1)} s)`);
  lines.push(`  event type            P ${pct(a.precision)}  R ${pct(a.recall)}  F1 ${a.f1.toFixed(3)}`);
  lines.push(`  type + source/target  P ${pct(b.precision)}  R ${pct(b.recall)}  F1 ${b.f1.toFixed(3)}`);
  lines.push(`  actors found with the gold country: ${s.actorShare.found}/${s.actorShare.total} = ${pct(s.actorShare.found / Math.max(1, s.actorShare.total))}`);
  lines.push('');
  lines.push('  type          gold   type P/R/F1            +actors P/R/F1');
  const rows = [...s.perType.entries()].sort((x, y) => y[1].gold - x[1].gold);
  for (const [type, r] of rows) {
    const t = prf(r.type);
    const u = prf(r.actors);
    lines.push(`  ${type.padEnd(12)} ${String(r.gold).padStart(5)}   ${pct(t.precision)} ${pct(t.recall)} ${t.f1.toFixed(2)}   ${pct(u.precision)} ${pct(u.recall)} ${u.f1.toFixed(2)}`);
  }
  return lines.join('\n');
}
