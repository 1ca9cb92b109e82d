#!/usr/bin/env node
/* global process, URL, performance, console */
/**
 * Trains Dyad's dependency parser on UD English EWT dev (../shared/ud-english-ewt/, CC BY-SA 4.0)
 * and writes data/syntax/parser-ewt.json.gz; then prints UAS/LAS on EWT test with gold tags and
 * with wink-nlp's own tags. Needs a build first (npx tsc -p tsconfig.json).
 *
 *   node scripts/train-parser.mjs [--epochs=10] [--pos=wink|gold|both] [--out=path] [--shared=dir]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConllu } from '../dist/syntax/conllu.js';
import { goldTokens, winkTokens } from '../dist/syntax/treebank.js';
import { train } from '../dist/syntax/train.js';
import { encodeModel, MODEL_PATH } from '../dist/syntax/model.js';
import { scoreTreebank } from '../dist/eval/syntax.js';

const arg = (name, dflt) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? dflt;
const shared = arg('shared', process.env.DYAD_SHARED ?? new URL('../../shared', import.meta.url).pathname);
const epochs = Number(arg('epochs', '10'));
const pos = arg('pos', 'both');
const out = arg('out', MODEL_PATH);
const ewt = join(shared, 'ud-english-ewt');

const dev = readConllu(join(ewt, 'en_ewt-ud-dev.conllu'));
const examples = [];
for (const tree of dev) {
  if (pos === 'gold' || pos === 'both') examples.push({ tree, tokens: goldTokens(tree) });
  if (pos === 'wink' || pos === 'both') examples.push({ tree, tokens: winkTokens(tree) });
}
const t0 = performance.now();
const model = train(examples, {
  epochs,
  seed: 13,
  description: `UD English EWT dev (r2025-05-10), ${pos} tags`,
  log: (s) => console.log(`  ${s} (${((performance.now() - t0) / 1000).toFixed(0)} s)`),
});
const bytes = encodeModel(model);
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${Object.keys(model.weights).length} features, ${(bytes.length / 1024).toFixed(0)} KiB`);
const r = scoreTreebank(join(ewt, 'en_ewt-ud-test.conllu'), out);
console.log(r.lines.join('\n'));
