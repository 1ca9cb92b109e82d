/**
 * Geoparsing eval: GeoWebNews (gwn) and the Local-Global Lexicon (lgl), as converted into
 * /work/shared/eval/geo/*.jsonl (each line: text + gold toponyms with character spans and
 * coordinates). Reads nothing when the files are absent.
 *
 *   node dist/eval/geo.js [--verbose] [--baseline] [sharedDir]
 *
 * Metrics, over gold toponyms that have coordinates:
 *   spanRecall   share of gold toponyms overlapped by a predicted mention
 *   resolved     number of gold toponyms found and resolved to a point
 *   within161    share of resolved ones within 161 km (100 miles) of the gold point
 *   meanKm / medianKm  error distance of resolved ones
 *   countryShare share of resolved ones (that name a country) in the gold point's country (by its GeoNames
 *                id, else the nearest city's)
 *   toponymsPerSecond  gold toponyms processed per CPU second by findPlaces (gazetteer already loaded;
 *                      CPU time, not wall time, because the machines this runs on are shared)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findPlaces, loadGazetteer, type PlaceMention } from '../places/index.js';
import { gazetteer, type Place } from '../places/gazetteer.js';
import { haversineKm } from '../places/normalize.js';

export interface GeoStats {
  articles: number;
  gold: number;
  spanRecall: number;
  resolved: number;
  within161: number;
  meanKm: number;
  medianKm: number;
  countryShare: number;
  toponymsPerSecond: number;
  /** Predicted mentions in all. */
  predictions: number;
  /** Predicted mentions that overlap no gold span (any gold toponym, with or without coordinates). */
  noGold: number;
}

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
  /** Leave out gold demonym adjectives ("French" → France), which Dyad does not treat as places. */
  noAdjectives?: boolean;
}

/** Country of a gold point: its GeoNames id when the gazetteer has it, else the nearest city's. */
function countryLocator(): (lat: number, lon: number, geonameid: string | null) => string | null {
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
  return (lat, lon, id) => {
    if (id) {
      const p = byId.get(Number(id));
      if (p) return p.country;
    }
    let best: Place | null = null;
    let bestD = Infinity;
    const la = Math.floor(lat);
    const lo = Math.floor(lon);
    for (let r = 1; r <= 3 && !best; r++) {
      for (let dy = -r; dy <= r; dy++)
        for (let dx = -r; dx <= r; dx++) {
          for (const p of grid.get(`${la + dy},${lo + dx}`) ?? []) {
            const d = haversineKm(lat, lon, p.lat, p.lon);
            if (d < bestD) {
              bestD = d;
              best = p;
            }
          }
        }
    }
    return best ? best.country : null;
  };
}

function evalCorpus(docs: GoldDoc[], opts: EvalGeoOptions, locate: ReturnType<typeof countryLocator>): GeoStats {
  let gold = 0;
  let found = 0;
  let within = 0;
  let countryOk = 0;
  let countryN = 0;
  const dists: number[] = [];
  let ms = 0;
  const misses = new Map<string, number>();
  const wrong = new Map<string, number>();
  const contexts: string[] = [];
  let predictions = 0;
  let noGold = 0;
  for (const d of docs) {
    const c0 = process.cpuUsage();
    const preds: PlaceMention[] = findPlaces(d.text, opts.baseline ? { noContext: true } : {});
    const c = process.cpuUsage(c0);
    ms += (c.user + c.system) / 1000;
    predictions += preds.length;
    for (const p of preds) if (!d.toponyms.some((t) => p.start < t.end && t.start < p.end)) noGold++;
    for (const t of d.toponyms) {
      if (t.lat === null || t.lon === null) continue;
      if (opts.noAdjectives && t.modifierType === 'Adjective') continue;
      gold++;
      const p = preds.find((x) => x.start < t.end && t.start < x.end);
      if (!p) {
        misses.set(t.name, (misses.get(t.name) ?? 0) + 1);
        if (process.env.GEO_CONTEXTS) contexts.push(`${t.name}\t${d.text.slice(Math.max(0, t.start - 50), t.start).replace(/\s+/g, ' ')}[[${d.text.slice(t.start, t.end)}]]${d.text.slice(t.end, t.end + 50).replace(/\s+/g, ' ')}`);
        continue;
      }
      found++;
      const km = haversineKm(p.lat, p.lon, t.lat, t.lon);
      dists.push(km);
      if (km <= 161) within++;
      else wrong.set(`${t.name} → ${p.name} (${p.country}) ${Math.round(km)} km [${p.rule}]`, (wrong.get(`${t.name} → ${p.name} (${p.country}) ${Math.round(km)} km [${p.rule}]`) ?? 0) + 1);
      // Right country: over predictions that name one (seas and continents have none).
      if (p.country) {
        countryN++;
        const gc = locate(t.lat, t.lon, t.geonameid);
        if ((gc && p.country === gc) || (!gc && km <= 161)) countryOk++;
      }
    }
  }
  if (opts.verbose) {
    const top = (m: Map<string, number>): string =>
      [...m.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 40)
        .map(([k, v]) => `  ${v}× ${k}`)
        .join('\n');
    console.log(`missed spans:\n${top(misses)}\nwrong resolutions:\n${top(wrong)}`);
  }
  if (process.env.GEO_CONTEXTS) {
    console.log(`MISSBLOCK ${docs.length}`);
    for (const c of contexts) console.log(`MISS\t${c}`);
  }
  dists.sort((a, b) => a - b);
  const r = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    articles: docs.length,
    gold,
    spanRecall: r(gold ? found / gold : 0),
    resolved: found,
    within161: r(found ? within / found : 0),
    meanKm: Math.round(dists.length ? dists.reduce((a, b) => a + b, 0) / dists.length : 0),
    medianKm: Math.round(dists.length ? dists[Math.floor(dists.length / 2)] : 0),
    countryShare: r(countryN ? countryOk / countryN : 0),
    toponymsPerSecond: Math.round(ms ? (gold / ms) * 1000 : 0),
    predictions,
    noGold,
  };
}

/** Run the geoparsing eval over `sharedDir`/eval/geo/{gwn,lgl}.jsonl (or `sharedDir`/geo/…, or `sharedDir` itself). */
export async function evalGeo(sharedDir: string, opts: EvalGeoOptions = {}): Promise<null | Record<'gwn' | 'lgl', GeoStats>> {
  const dirs = [join(sharedDir, 'eval', 'geo'), join(sharedDir, 'geo'), sharedDir];
  const dir = dirs.find((d) => existsSync(join(d, 'gwn.jsonl')) && existsSync(join(d, 'lgl.jsonl')));
  if (!dir) {
    console.log(`geo eval: gold data not found under ${sharedDir} (eval/geo/gwn.jsonl, lgl.jsonl); skipped.`);
    return null;
  }
  loadGazetteer();
  const locate = countryLocator();
  const read = (f: string): GoldDoc[] =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldDoc);
  const gwn = read('gwn.jsonl');
  const lgl = read('lgl.jsonl');
  return { gwn: evalCorpus(gwn, opts, locate), lgl: evalCorpus(lgl, opts, locate) };
}

/** Render results as a markdown table. */
export function geoTable(rows: Array<[string, GeoStats]>): string {
  const head = '| corpus | articles | gold | span recall | resolved | within 161 km | mean km | median km | right country | toponyms/s | predictions | no gold span |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|---|';
  const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
  const lines = rows.map(
    ([n, s]) =>
      `| ${n} | ${s.articles} | ${s.gold} | ${pct(s.spanRecall)} | ${s.resolved} | ${pct(s.within161)} | ${s.meanKm} | ${s.medianKm} | ${pct(s.countryShare)} | ${s.toponymsPerSecond} | ${s.predictions} | ${s.noGold} |`,
  );
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
  const rows: Array<[string, GeoStats]> = [
    ['gwn', res.gwn],
    ['lgl', res.lgl],
  ];
  const extra = await evalGeoNoAdjectives(shared, baseline);
  if (extra) rows.push(['gwn (no demonym adjectives)', extra]);
  console.log(`${baseline ? 'baseline (context-free) ' : ''}geoparsing, ${Math.round(performance.now() - t0)} ms in all`);
  console.log(geoTable(rows));
}

async function evalGeoNoAdjectives(shared: string, baseline: boolean): Promise<GeoStats | null> {
  const dirs = [join(shared, 'eval', 'geo'), join(shared, 'geo'), shared];
  const dir = dirs.find((d) => existsSync(join(d, 'gwn.jsonl')));
  if (!dir) return null;
  const docs = readFileSync(join(dir, 'gwn.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldDoc);
  return evalCorpus(docs, { baseline, noAdjectives: true }, countryLocator());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
