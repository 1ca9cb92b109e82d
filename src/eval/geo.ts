/**
 * Geoparsing eval: GeoWebNews (gwn) and the Local-Global Lexicon (lgl), as converted into
 * /work/shared/eval/geo/*.jsonl (each line: id, text and gold toponyms with character spans and
 * coordinates). Reads nothing when the files are absent. `findPlaces` runs on the input text
 * itself, so a predicted span is in the input's offsets and is compared with the gold span as is.
 *
 *   npm run eval -- --only=geo [--verbose]     node dist/eval/geo.js [--verbose] [--baseline] [sharedDir]
 *
 * Every corpus is scored twice, on its tuning part and its check part apart (`evalPart(id)`,
 * src/eval/split.ts); `--verbose` lists the misses of the tuning part only.
 *
 * Metrics, over gold toponyms that have coordinates (demonyms included, as the corpora mark them):
 *   spanRecall   share of gold toponyms overlapped by a predicted mention
 *   resolved     gold toponyms found (and so resolved to a point)
 *   withinAll    share of all gold toponyms found and placed within 161 km (100 miles)
 *   within161    share of the found ones placed within 161 km
 *   meanKm / medianKm  error distance of the found ones
 *   countryShare share of the found ones (that name a country) in the gold point's country
 *   spurious     share of all predictions that overlap no gold toponym (with or without coordinates)
 *   toponymsPerSecond  gold toponyms per CPU second through findPlaces (gazetteer already loaded)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPlaces, loadGazetteer, type PlaceMention } from '../places/index.js';
import { gazetteer, type Place } from '../places/gazetteer.js';
import { haversineKm } from '../places/normalize.js';
import { splitByPart, type EvalPart } from './split.js';

export interface GeoStats {
  articles: number;
  gold: number;
  spanRecall: number;
  resolved: number;
  /** Share of all gold toponyms (with coordinates) found and placed within 161 km. */
  withinAll: number;
  /** Share of the found ones placed within 161 km. */
  within161: number;
  meanKm: number;
  medianKm: number;
  countryShare: number;
  toponymsPerSecond: number;
  /** Predicted mentions in all. */
  predictions: number;
  /** Predicted mentions that overlap no gold span (any gold toponym, with or without coordinates). */
  noGold: number;
  /** noGold / predictions. */
  spurious: number;
}

export type CorpusName = 'gwn' | 'lgl';
export type GeoResult = Record<CorpusName, Record<EvalPart, GeoStats>>;

interface GoldToponym {
  name: string;
  start: number;
  end: number;
  lat: number | null;
  lon: number | null;
  geonameid: string | null;
  type?: string | null;
  modifierType?: string | null;
}

interface GoldDoc {
  id: string;
  text: string;
  toponyms: GoldToponym[];
}

export interface EvalGeoOptions {
  verbose?: boolean;
  /** Context-free baseline: gazetteer match + type/population prior only. */
  baseline?: boolean;
}

type Locator = (lat: number, lon: number, geonameid: string | null) => string | null;

/** Country of a gold point: its GeoNames id when the gazetteer has it, else the nearest city's. */
function countryLocator(): Locator {
  const g = gazetteer();
  const byId = new Map<number, Place>();
  const grid = new Map<string, Place[]>();
  for (let i = 0; i < g.size; i++) {
    const p = g.place(i);
    if (p.kind !== 'city') continue;
    if (p.geonameid) byId.set(p.geonameid, p);
    const k = `${Math.floor(p.lat)},${Math.floor(p.lon)}`;
    const l = grid.get(k);
    if (l) l.push(p);
    else grid.set(k, [p]);
  }
  const nearest = (lat: number, lon: number): Place | null => {
    let best: Place | null = null;
    let bestD = Infinity;
    const la = Math.floor(lat);
    const lo = Math.floor(lon);
    for (let r = 1; r <= 3 && !best; r++) {
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          for (const p of grid.get(`${la + dy},${lo + dx}`) ?? []) {
            const d = haversineKm(lat, lon, p.lat, p.lon);
            if (d < bestD) [bestD, best] = [d, p];
          }
        }
    }
    return best;
  };
  return (lat, lon, id) => (id ? byId.get(Number(id))?.country : undefined) ?? nearest(lat, lon)?.country ?? null;
}

/** Running totals of one corpus part. */
class Tally {
  gold = 0;
  found = 0;
  within = 0;
  countryOk = 0;
  countryN = 0;
  dists: number[] = [];
  ms = 0;
  predictions = 0;
  noGold = 0;
  misses = new Map<string, number>();
  wrong = new Map<string, number>();

  score(d: GoldDoc, preds: PlaceMention[], locate: Locator): void {
    this.predictions += preds.length;
    for (const p of preds) if (!d.toponyms.some((t) => p.start < t.end && t.start < p.end)) this.noGold++;
    for (const t of d.toponyms) {
      if (t.lat === null || t.lon === null) continue;
      this.gold++;
      const p = preds.find((x) => x.start < t.end && t.start < x.end);
      if (!p) {
        bump(this.misses, t.name);
        continue;
      }
      this.found++;
      const km = haversineKm(p.lat, p.lon, t.lat, t.lon);
      this.dists.push(km);
      if (km <= 161) this.within++;
      else bump(this.wrong, `${t.name} → ${p.name} (${p.country}) ${Math.round(km)} km [${p.rules.join(" → ")}]`);
      // Right country: over predictions that name one (seas and continents have none).
      if (p.country) {
        this.countryN++;
        const gc = locate(t.lat, t.lon, t.geonameid);
        if ((gc && p.country === gc) || (!gc && km <= 161)) this.countryOk++;
      }
    }
  }

  stats(articles: number): GeoStats {
    const dists = [...this.dists].sort((a, b) => a - b);
    const r = (x: number): number => Math.round(x * 1000) / 1000;
    const share = (a: number, b: number): number => r(b ? a / b : 0);
    return {
      articles,
      gold: this.gold,
      spanRecall: share(this.found, this.gold),
      resolved: this.found,
      withinAll: share(this.within, this.gold),
      within161: share(this.within, this.found),
      meanKm: Math.round(dists.length ? dists.reduce((a, b) => a + b, 0) / dists.length : 0),
      medianKm: Math.round(dists.length ? dists[Math.floor(dists.length / 2)] : 0),
      countryShare: share(this.countryOk, this.countryN),
      toponymsPerSecond: Math.round(this.ms ? (this.gold / this.ms) * 1000 : 0),
      predictions: this.predictions,
      noGold: this.noGold,
      spurious: share(this.noGold, this.predictions),
    };
  }
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

function evalDocs(docs: GoldDoc[], opts: EvalGeoOptions, locate: Locator): Tally {
  const t = new Tally();
  for (const d of docs) {
    const c0 = process.cpuUsage();
    const preds = findPlaces(d.text, opts.baseline ? { noContext: true } : {});
    const c = process.cpuUsage(c0);
    t.ms += (c.user + c.system) / 1000;
    t.score(d, preds, locate);
  }
  return t;
}

/** The misses of a tuning part (never of a check part), most frequent first. */
function listMisses(name: string, t: Tally): string {
  const top = (m: Map<string, number>): string =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([k, v]) => `  ${v}× ${k}`)
      .join('\n');
  return `${name} (tuning part) missed spans:\n${top(t.misses)}\n${name} (tuning part) placed more than 161 km off:\n${top(t.wrong)}`;
}

function geoDir(sharedDir: string): string | undefined {
  const dirs = [join(sharedDir, 'eval', 'geo'), join(sharedDir, 'geo'), sharedDir];
  return dirs.find((d) => existsSync(join(d, 'gwn.jsonl')) && existsSync(join(d, 'lgl.jsonl')));
}

function readDocs(file: string): GoldDoc[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldDoc);
}

/** Run the geoparsing eval over `sharedDir`/eval/geo/{gwn,lgl}.jsonl (or `sharedDir`/geo/…, or `sharedDir` itself). */
export async function evalGeo(sharedDir: string, opts: EvalGeoOptions = {}): Promise<GeoResult | null> {
  const dir = geoDir(sharedDir);
  if (!dir) {
    console.log(`geo eval: gold data not found under ${sharedDir} (eval/geo/gwn.jsonl, lgl.jsonl); skipped.`);
    return null;
  }
  loadGazetteer();
  const locate = countryLocator();
  const out = {} as GeoResult;
  for (const name of ['gwn', 'lgl'] as const) {
    const parts = splitByPart(readDocs(join(dir, `${name}.jsonl`)), (d) => d.id);
    const tuning = evalDocs(parts.tuning, opts, locate);
    const check = evalDocs(parts.check, opts, locate);
    if (opts.verbose) console.log(listMisses(name, tuning));
    out[name] = { tuning: tuning.stats(parts.tuning.length), check: check.stats(parts.check.length) };
  }
  return out;
}

/** Render results as a markdown table, one row per corpus and part. */
export function geoTable(res: GeoResult): string {
  const head =
    '| corpus | part | articles | gold | span recall | ≤161 km of all | ≤161 km of found | median km | mean km | right country | predictions | spurious | toponyms/s |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const lines: string[] = [];
  for (const [name, parts] of Object.entries(res)) {
    for (const [part, s] of Object.entries(parts)) {
      lines.push(
        `| ${name} | ${part} | ${s.articles} | ${s.gold} | ${pct(s.spanRecall)} | ${pct(s.withinAll)} | ${pct(s.within161)} | ${s.medianKm} | ${s.meanKm} | ${pct(s.countryShare)} | ${s.predictions} | ${pct(s.spurious)} | ${s.toponymsPerSecond} |`,
      );
    }
  }
  return [head, sep, ...lines].join('\n');
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const baseline = argv.includes('--baseline');
  const dirArg = argv.find((a) => !a.startsWith('--'));
  const shared = resolve(dirArg ?? process.env.DYAD_SHARED ?? join(process.cwd(), '..', 'shared'));
  const t0 = performance.now();
  const res = await evalGeo(shared, { verbose, baseline });
  if (!res) return;
  console.log(`${baseline ? 'baseline (context-free) ' : ''}geoparsing, ${Math.round(performance.now() - t0)} ms in all`);
  console.log(geoTable(res));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
