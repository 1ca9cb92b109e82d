/**
 * The parser's model file (data/syntax/parser-ewt.json.gz): gzipped JSON of the label names and,
 * for each feature string, its non-zero weights as pairs [move, weight × scale, …] (integers).
 * Derived from UD English EWT (CC BY-SA 4.0): see data/syntax/README.md. Loaded once, lazily.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/errors.js';
import { WeightTable } from './table.js';

export const MODEL_PATH = fileURLToPath(new URL('../../data/syntax/parser-ewt.json.gz', import.meta.url));

export interface ModelFile {
  format: 'dyad-parser';
  version: 1;
  description: string;
  labels: string[];
  scale: number;
  weights: Record<string, number[]>;
}

/** Weights ready for scoring. */
export interface ParserModel {
  labels: string[];
  moves: number;
  weights: WeightTable;
}

export function modelFromFile(m: ModelFile, file: string): ParserModel {
  if (m.format !== 'dyad-parser' || m.version !== 1 || !Array.isArray(m.labels) || typeof m.weights !== 'object' || !(m.scale > 0)) {
    throw new DyadError('DYAD_E007', `${file}: not a Dyad parser model (format dyad-parser, version 1)`);
  }
  const moves = 1 + 2 * m.labels.length;
  const entries = Object.entries(m.weights);
  for (const [f, pairs] of entries) {
    for (let i = 0; i < pairs.length; i += 2) {
      if (!(pairs[i]! >= 0 && pairs[i]! < moves)) throw new DyadError('DYAD_E007', `${file}: feature ${JSON.stringify(f)} has move ${pairs[i]} out of range`);
    }
  }
  return { labels: m.labels, moves, weights: new WeightTable(entries, 1 / m.scale) };
}

let cached: ParserModel | null = null;

/** The committed model, read on first use. */
export function loadModel(path = MODEL_PATH): ParserModel {
  if (cached !== null && path === MODEL_PATH) return cached;
  let m: ModelFile;
  try {
    m = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as ModelFile;
  } catch (e) {
    throw new DyadError('DYAD_E007', `${path}: cannot read the parser model (${(e as Error).message})`);
  }
  const model = modelFromFile(m, path);
  if (path === MODEL_PATH) cached = model;
  return model;
}

export function encodeModel(m: ModelFile): Buffer {
  return gzipSync(Buffer.from(JSON.stringify(m)), { level: 9 });
}
