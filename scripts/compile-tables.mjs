#!/usr/bin/env node
/* global process, console, URL */
// Compiles the tables start-up reads (actor phrase table, event lexicon) into dist/tables/ from
// data/ (see src/build/table.ts). Run by `npm run build` after tsc; safe to run again any time.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/build/compile.js', import.meta.url));
if (!existsSync(entry)) {
  console.error('compile-tables: dist/build/compile.js is missing: run tsc first');
  process.exit(1);
}
const { compileTables, describeCompiled } = await import(new URL('../dist/build/compile.js', import.meta.url).href);
console.log('compiled tables:\n' + describeCompiled(compileTables()));
