/**
 * `npm run eval`: scores Dyad against the gold suites in ../shared/eval (when present):
 * the seed article, the PLOVER gold records (events and actors), article extraction and
 * geoparsing. `--verbose` lists the misses; `--only plover,seed,extraction,geo` picks suites.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evalPlover, formatPlover } from './plover.js';
import { evalSeed, formatSeed } from './seed.js';

export function sharedDir(): string {
  const fromEnv = process.env['DYAD_SHARED'];
  if (fromEnv) return resolve(fromEnv);
  return resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const onlyArg = args.find((a) => a.startsWith('--only='));
  const only = onlyArg ? new Set(onlyArg.slice(7).split(',')) : null;
  const want = (name: string) => only === null || only.has(name);
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
  if (want('extraction')) {
    const { evalExtraction } = await import('./extraction.js');
    const r = await evalExtraction(dir, { verbose });
    if (r) console.log(`Article extraction (${r.pages} pages): P ${(100 * r.precision).toFixed(1)}%  R ${(100 * r.recall).toFixed(1)}%  F1 ${r.f1.toFixed(3)}  (${r.pagesPerSecond.toFixed(0)} pages/s)`);
    else console.log('extraction: absent, skipped');
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
