/**
 * The build step that compiles the tables (`npm run build` runs it after tsc, through
 * scripts/compile-tables.mjs): every table is rebuilt from data/ and the compiling modules, and
 * the time and size of each is printed.
 */
import { statSync } from 'node:fs';
import { ACTOR_TABLE, buildActorTable } from '../actors/table.js';
import { LEXICON_TABLE, buildLexiconTable } from '../events/lexicon.js';
import { WINK_TABLE, buildWinkTable } from '../text/wink-model.js';
import { sourcePath } from './table.js';

export interface Compiled {
  file: string;
  items: number;
  bytes: number;
  ms: number;
}

const TABLES: ReadonlyArray<{ file: string; build: () => number }> = [
  { file: ACTOR_TABLE, build: () => buildActorTable() },
  { file: LEXICON_TABLE, build: () => buildLexiconTable() },
  { file: WINK_TABLE, build: () => buildWinkTable() },
];

/** Compile every table; returns what was written. */
export function compileTables(): Compiled[] {
  return TABLES.map(({ file, build }) => {
    const t0 = performance.now();
    const items = build();
    return { file, items, bytes: statSync(file).size, ms: performance.now() - t0 };
  });
}

/** One line per table, for the build log. */
export function describeCompiled(c: Compiled[]): string {
  return c.map((x) => `  ${sourcePath(x.file)}: ${x.items} entries, ${(x.bytes / 1048576).toFixed(1)} MB, ${x.ms.toFixed(0)} ms`).join('\n');
}
