#!/usr/bin/env node
/* global console, performance */
// Compiles the GeoNames gazetteer (cities500 + admin1/admin2) into dist/places/gazetteer.bin.
// Run by `npm run build` after tsc; src/places/compile.ts says what goes in and how it is laid out.
import { writeCompiledGazetteer } from '../dist/places/compile.js';
import { COMPILED_FILE } from '../dist/places/compiled.js';

const t0 = performance.now();
const bytes = writeCompiledGazetteer(COMPILED_FILE);
console.log(`gazetteer: ${(bytes / 1e6).toFixed(1)} MB in ${Math.round(performance.now() - t0)} ms → ${COMPILED_FILE}`);
