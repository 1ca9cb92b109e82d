/**
 * wink-nlp's English lite model, with its core (the lexicon of 87,000 words and its packed
 * features) read from a compiled table (dist/tables/wink.table, written by `npm run build`)
 * instead of the package's loader, which parses a 3 MB JSON file, copies it whole, decodes
 * base64 byte by byte and only then builds its hashes. The other parts of the model (sentence
 * boundaries, POS, NER… machines, setters, lemmatiser) are the package's own modules, wired as
 * its dist/model.js wires them. When the table is stale, the package's own core loader runs.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE_DIR, readTable, sourcePath, warnStale, writeTable } from '../build/table.js';

const require = createRequire(import.meta.url);
const PKG = 'wink-eng-lite-web-model';
const dist = (m: string) => `${PKG}/dist/${m}`;

export const WINK_TABLE = join(TABLE_DIR, 'wink.table');

type Hash = Record<string, number>;
interface Feature {
  list: unknown[];
  hash?: Hash;
}
/** The core model as the package's loader returns it (only what this module touches is typed). */
export interface WinkCore {
  packing: { layout: Record<string, number[]> };
  features: Record<string, Feature>;
  lexicon: Uint32Array;
  xpansions: Uint32Array;
  [k: string]: unknown;
}

/** Sources: the package's manifest and core model file, and this module. */
export function winkTableSources(): string[] {
  return [
    sourcePath(require.resolve(`${PKG}/package.json`)),
    sourcePath(require.resolve(dist('languages/cur/models/eng-core-web-model.json'))),
    sourcePath(fileURLToPath(import.meta.url)),
  ];
}

/** The features whose hash (value → index) the loader builds from their list. */
function hashedFeatures(core: WinkCore): string[] {
  const layout = core.packing.layout;
  return [...Object.keys(layout).filter((f) => layout[f]![3] === 0), 'lexeme'];
}

/** Compile the core model into its table (the build step). Returns the number of lexemes. */
export function buildWinkTable(file = WINK_TABLE): number {
  const core = (require(dist('load-core-model.js')) as () => WinkCore)();
  const rest = { ...core, lexicon: undefined, xpansions: undefined, features: { ...core.features } };
  for (const f of hashedFeatures(core)) rest.features[f] = { ...core.features[f]!, hash: undefined };
  const clusters = core.features['posClusters']!.list as Array<Set<number>>;
  rest.features['posClusters'] = { ...core.features['posClusters']!, list: clusters.map((s) => [...s]) };
  const json = Buffer.from(JSON.stringify(rest), 'utf8');
  writeTable(file, 'wink', winkTableSources(), {}, { model: json, lexicon: core.lexicon, xpansions: core.xpansions });
  return core.features['lexeme']!.list.length;
}

function nullHash(list: unknown[]): Hash {
  const hash = Object.create(null) as Hash;
  for (let k = 0; k < list.length; k += 1) hash[list[k] as string] = k;
  return hash;
}

/** The core model from a compiled table, or null (with a warning) when the table is stale. */
export function readWinkTable(file = WINK_TABLE): WinkCore | null {
  const read = readTable(file, 'wink', winkTableSources());
  if (!read.ok) {
    warnStale('wink', read.why);
    return null;
  }
  const core = JSON.parse(new TextDecoder().decode(read.table.u8('model'))) as WinkCore;
  core.lexicon = read.table.u32('lexicon');
  core.xpansions = read.table.u32('xpansions');
  for (const f of hashedFeatures(core)) core.features[f]!.hash = nullHash(core.features[f]!.list);
  const clusters = core.features['posClusters']!;
  clusters.list = (clusters.list as number[][]).map((c) => new Set(c));
  return core;
}

/** The model object winkNLP() takes: the package's parts, with the core from the table. */
export function winkModel(): Record<string, unknown> {
  const part = (m: string) => require(dist(m)) as unknown;
  const model = Object.create(null) as Record<string, unknown>;
  model['core'] = () => readWinkTable() ?? (require(dist('load-core-model.js')) as () => WinkCore)();
  model['sbd'] = part('load-sbd-model.js');
  model['pos'] = part('load-pos-model.js');
  model['ner'] = part('load-ner-model.js');
  model['negation'] = part('load-negation-model.js');
  model['sa'] = part('load-sa-model.js');
  model['metaCER'] = part('load-cer-meta-model.js');
  model['featureFn'] = part('feature.js');
  const addons = Object.create(null) as Record<string, unknown>;
  addons['stem'] = part('porter-stemmer.js');
  addons['lemmatize'] = part('lemmatize.js');
  addons['readabilityStats'] = part('readability-stats.js');
  addons['wordVectors'] = undefined;
  model['addons'] = addons;
  return model;
}
