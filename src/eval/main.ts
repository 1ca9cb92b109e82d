/**
 * `npm run eval`: scores Dyad against the gold suites in ../shared/eval (when present): the seed
 * article, the PLOVER gold records (events and actors), the ConfliBERT event class and
 * source/target attribution suites, article extraction and geoparsing.
 *
 * Every suite but the seed (one article) and geo is split into a tuning part (two thirds) and a
 * check part (one third) by a fixed hash (src/eval/split.ts), and both parts are printed.
 * `--verbose` lists the misses of the tuning part only: the check part's misses are never shown.
 * `--only=plover,seed,conflibert,quad,roles,extraction,syntax,geo` picks suites (conflibert = quad +
 * roles; syntax = the dependency parser on UD English EWT test, trained on its dev split).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalPlover, formatPlover } from './plover.js';
import { evalSeed, formatSeed } from './seed.js';
import { evalQuad, evalRoles, formatQuad, formatRoles } from './conflibert.js';
import { readGold } from './plover.js';
import { SentenceParts } from './split.js';
import { DyadError } from '../model/errors.js';

export function sharedDir(): string {
  const fromEnv = process.env['DYAD_SHARED'];
  if (fromEnv) return resolve(fromEnv);
  return resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
}

const SUITES = ['seed', 'plover', 'conflibert', 'quad', 'roles', 'extraction', 'syntax', 'geo'];

/** The ConfliBERT suites, split by sentence so that a sentence is in one part in every suite. */
function confliBert(dir: string, want: (name: string) => boolean, verbose: boolean): void {
  const parts = new SentenceParts(readGold(dir) ?? []);
  if (want('quad')) {
    const q = evalQuad(dir, parts, { verbose });
    console.log(q ? formatQuad(q) : 'conflibert quad: absent, skipped');
    if (q && verbose) for (const m of q.misses) console.log('  ' + m);
    console.log('');
  }
  if (want('roles')) {
    const r = evalRoles(dir, parts, { verbose });
    console.log(r ? formatRoles(r) : 'conflibert roles: absent, skipped');
    if (r && verbose) for (const m of r.misses) console.log('  ' + m);
    console.log('');
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
  const unknown = [...(only ?? [])].filter((x) => !SUITES.includes(x));
  if (unknown.length > 0) throw new DyadError('DYAD_E005', `unknown suite ${unknown.join(', ')} in --only (known: ${SUITES.join(', ')})`);
  const want = (name: string) => only === null || only.has(name) || ((name === 'quad' || name === 'roles') && only.has('conflibert'));
  const dir = sharedDir();
  if (!existsSync(join(dir, 'eval'))) {
    console.log(`eval: ${dir} is absent; nothing to score (the gold suites live in ../shared/eval). Skipped.`);
    return;
  }
  const t0 = performance.now();
  if (want('seed')) {
    const s = evalSeed(dir);
    console.log(s ? formatSeed(s) : 'seed: absent, skipped');
    console.log('');
  }
  if (want('plover')) {
    const p = evalPlover(dir, { verbose });
    if (p) {
      console.log(formatPlover(p));
      if (verbose) for (const m of p.misses) console.log('  ' + m);
    } else console.log('plover: absent, skipped');
    console.log('');
  }
  if (want('quad') || want('roles')) confliBert(dir, want, verbose);
  if (want('extraction')) {
    const { evalExtraction, formatExtraction } = await import('./extraction.js');
    const r = await evalExtraction(dir, { verbose });
    console.log(r ? formatExtraction(r, `Article extraction (${r.tuning.pages + r.check.pages} pages)`) : 'extraction: absent, skipped');
    console.log('');
  }
  if (want('syntax')) {
    const { evalSyntax } = await import('./syntax.js');
    const r = evalSyntax(dir);
    console.log(r ? r.lines.join('\n') : 'syntax: ../shared/ud-english-ewt absent, skipped');
    console.log('');
  }
  if (want('geo')) {
    const { evalGeo, geoTable } = await import('./geo.js');
    const g = await evalGeo(dir, { verbose });
    if (g) {
      console.log('Geoparsing (tuning and check parts apart; --verbose lists tuning misses only)');
      console.log(geoTable(g));
    } else console.log('geo: absent, skipped');
  }
  console.log(`\neval finished in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error('eval: ' + (e instanceof Error ? e.message : String(e)));
    process.exitCode = 1;
  });
}
