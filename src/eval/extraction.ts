/**
 * Main-text extraction scored on the article-extraction-benchmark (Zyte/Scrapinghub, MIT): 181
 * news and blog pages with their human-checked article body, read from
 * `<shared>/eval/article-extraction/` when present (never shipped with Dyad).
 *
 * Metric of the benchmark: `\w+` tokens, 4-token shingles, per-page TP/FP/FN normalised to sum 1,
 * precision and recall averaged over pages, F1 from the two averages.
 *
 * Pages are split by their key (`evalPart`) into the tuning and check parts, scored apart.
 *
 * Run alone: `node dist/eval/extraction.js [sharedDir] [--verbose] [--baseline]` (sharedDir defaults
 * to $DYAD_SHARED, then ../shared next to the repository).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { decodeHtml, extractArticle } from '../ingest/html/extract.js';
import { splitByPart, type EvalPart } from './split.js';

export interface ExtractionScores {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  pagesPerSecond: number;
  failures: number;
}

export interface EvalExtractionOptions {
  verbose?: boolean;
  /** Score plain Readability (linkedom, textContent) instead of Dyad's extractor. */
  baseline?: boolean;
}

interface GoldPage {
  articleBody: string;
  url?: string;
}

// Python's `\w` with re.UNICODE: letters, digits (all numeric classes) and underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string, n = 4): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  const last = Math.max(1, tokens.length - n + 1);
  for (let i = 0; i < last; i++) {
    const s = tokens.slice(i, i + n).join(' ');
    if (s) out.set(s, (out.get(s) ?? 0) + 1);
  }
  return out;
}

/** TP/FP/FN of shingles between gold and predicted text, normalised to sum 1. */
export function shingleMatch(gold: string, pred: string): [number, number, number] {
  const g = shingles(gold);
  const p = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [k, gc] of g) {
    const pc = p.get(k) ?? 0;
    tp += Math.min(gc, pc);
    fn += Math.max(0, gc - pc);
  }
  for (const [k, pc] of p) fp += Math.max(0, pc - (g.get(k) ?? 0));
  const s = tp + fp + fn;
  return s > 0 ? [tp / s, fp / s, fn / s] : [0, 0, 0];
}

/** Precision, recall and F1 as the benchmark computes them from per-page TP/FP/FN. */
export function benchmarkMetrics(rows: Array<[number, number, number]>): { precision: number; recall: number; f1: number } {
  const ps: number[] = [];
  const rs: number[] = [];
  for (const [tp, fp, fn] of rows) {
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp));
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn));
  }
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const precision = mean(ps);
  const recall = mean(rs);
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

/** Where the benchmark lives: `<dir>/eval/article-extraction`, `<dir>/article-extraction` or `<dir>`. */
function benchmarkDir(sharedDir: string): string | null {
  for (const d of [join(sharedDir, 'eval', 'article-extraction'), join(sharedDir, 'article-extraction'), sharedDir]) {
    if (existsSync(join(d, 'ground-truth.json')) && existsSync(join(d, 'html'))) return d;
  }
  return null;
}

function baselineText(html: string): string {
  const { document } = parseHTML(html) as unknown as { document: Document };
  return new Readability(document).parse()?.textContent ?? '';
}

export type ExtractionRun = Record<EvalPart, ExtractionScores>;

/**
 * Score extraction on the benchmark, split by page key into the tuning and check parts (the
 * verbose list of the worst pages is of the tuning part only); null when the benchmark is absent.
 */
export async function evalExtraction(sharedDir: string, opts: EvalExtractionOptions = {}): Promise<ExtractionRun | null> {
  const dir = benchmarkDir(sharedDir);
  if (!dir) return null;
  const gold = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, GoldPage>;
  const pages = Object.entries(gold).map(([key, g]) => ({
    key,
    gold: g,
    html: decodeHtml(gunzipSync(readFileSync(join(dir, 'html', `${key}.html.gz`)))),
  }));
  const parts = splitByPart(pages, (p) => p.key);
  const run = {} as ExtractionRun;
  for (const part of ['tuning', 'check'] as const) run[part] = scorePages(parts[part], opts, opts.verbose === true && part === 'tuning');
  return run;
}

function scorePages(pages: Array<{ key: string; gold: GoldPage; html: string }>, opts: EvalExtractionOptions, listWorst: boolean): ExtractionScores {
  const rows: Array<[number, number, number]> = [];
  const detail: Array<{ key: string; url: string; p: number; r: number; error?: string }> = [];
  let failures = 0;
  const t0 = performance.now();
  for (const page of pages) {
    let text = '';
    let error: string | undefined;
    try {
      text = opts.baseline ? baselineText(page.html) : extractArticle(page.html, { url: page.gold.url ?? null }).text;
    } catch (e) {
      failures++;
      error = e instanceof Error ? e.message : String(e);
    }
    const row = shingleMatch(page.gold.articleBody ?? '', text);
    rows.push(row);
    if (listWorst) {
      const [tp, fp, fn] = row;
      detail.push({ key: page.key, url: page.gold.url ?? '', p: tp + fp > 0 ? tp / (tp + fp) : 1, r: tp + fn > 0 ? tp / (tp + fn) : 1, error });
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const m = benchmarkMetrics(rows);
  detail.sort((a, b) => Math.min(a.p, a.r) - Math.min(b.p, b.r));
  for (const d of detail.slice(0, 25)) {
    console.log(`  P=${d.p.toFixed(3)} R=${d.r.toFixed(3)} ${d.key.slice(0, 12)} ${d.url}${d.error ? ` ERROR ${d.error}` : ''}`);
  }
  return { pages: pages.length, ...m, pagesPerSecond: pages.length / seconds, failures };
}

/** One line per part. */
export function formatExtraction(run: ExtractionRun, label = 'Article extraction'): string {
  const lines = [label];
  for (const part of ['tuning', 'check'] as const) {
    const r = run[part];
    lines.push(
      `  ${part.padEnd(8)} ${String(r.pages).padStart(4)} pages  P ${(100 * r.precision).toFixed(1)}%  R ${(100 * r.recall).toFixed(1)}%  F1 ${r.f1.toFixed(3)}  (${r.pagesPerSecond.toFixed(0)} pages/s, ${r.failures} failures)`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const positional = args.filter((a) => !a.startsWith('--'));
  const here = fileURLToPath(new URL('.', import.meta.url));
  const sharedDir = positional[0] ?? process.env['DYAD_SHARED'] ?? join(here, '..', '..', '..', 'shared');
  const scores = await evalExtraction(sharedDir, { verbose: args.includes('--verbose'), baseline: args.includes('--baseline') });
  if (!scores) {
    console.log(`extraction: benchmark not found under ${sharedDir} (eval/article-extraction); skipped`);
    return;
  }
  console.log(formatExtraction(scores, `extraction${args.includes('--baseline') ? ' (plain Readability)' : ''}`));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await main();
}
