/**
 * Word lists: linguistic knowledge kept as versioned data files, one list per concept
 * (data/words/<id>.json: `{ id, version, description, words }`), read once per process and
 * shared by every stage that needs the concept (speech verbs, negators, locatives…).
 * Entries are lower-case; a list of lemmas says so in its description.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DyadError } from '../model/errors.js';

export const WORDS_DIR = fileURLToPath(new URL('../../data/words/', import.meta.url));

export interface WordListFile {
  id: string;
  version: number;
  description: string;
  words: string[];
}

const cache = new Map<string, ReadonlySet<string>>();

/** Parses and validates one word-list file's text; `file` names it in errors. */
export function parseWordList(text: string, file: string): WordListFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DyadError('DYAD_E007', `${file}: not valid JSON (${(e as Error).message})`);
  }
  const d = data as Partial<WordListFile>;
  if (typeof d.id !== 'string' || typeof d.version !== 'number' || typeof d.description !== 'string' || !Array.isArray(d.words)) {
    throw new DyadError('DYAD_E007', `${file}: a word list needs id (string), version (number), description (string) and words (array)`);
  }
  for (const w of d.words) {
    if (typeof w !== 'string' || w.length === 0 || w !== w.toLowerCase()) {
      throw new DyadError('DYAD_E007', `${file}: word ${JSON.stringify(w)} must be a non-empty lower-case string`);
    }
  }
  return d as WordListFile;
}

/** The words of list `id` (data/words/<id>.json), loaded once. */
export function wordList(id: string): ReadonlySet<string> {
  const hit = cache.get(id);
  if (hit) return hit;
  const file = WORDS_DIR + id + '.json';
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DyadError('DYAD_E007', `word list '${id}' not found (expected ${file})`);
  }
  const list = parseWordList(text, file);
  if (list.id !== id) throw new DyadError('DYAD_E007', `${file}: id '${list.id}' does not match its file name`);
  const set: ReadonlySet<string> = new Set(list.words);
  cache.set(id, set);
  return set;
}

/** Every word list shipped in data/words (for tests and docs). */
export function wordListIds(): string[] {
  return readdirSync(WORDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}
