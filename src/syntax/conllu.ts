/**
 * A CoNLL-U reader (Universal Dependencies treebanks): the basic tree of each sentence, its word
 * lines only (multi-word token ranges "1-2" and empty nodes "1.1" are skipped). Heads are 1-based
 * with 0 for the root, as in the file; a bad line is a DyadError naming the file and the line.
 */
import { readFileSync } from 'node:fs';
import { DyadError } from '../model/errors.js';

export interface TreeWord {
  text: string;
  lemma: string;
  pos: string;
  /** 1-based index of the head word, 0 for the root. */
  head: number;
  label: string;
}

export interface Tree {
  id: string;
  text: string;
  words: TreeWord[];
}

export function parseConllu(content: string, file: string): Tree[] {
  const out: Tree[] = [];
  let cur: Tree = { id: '', text: '', words: [] };
  const lines = content.split('\n');
  const flush = () => {
    if (cur.words.length > 0) out.push(cur);
    cur = { id: '', text: '', words: [] };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^# (sent_id|text) = (.*)$/.exec(line);
      if (m) cur[m[1] === 'sent_id' ? 'id' : 'text'] = m[2]!;
      continue;
    }
    const f = line.split('\t');
    if (f.length !== 10) throw new DyadError('DYAD_E007', `${file}:${i + 1}: a CoNLL-U word line needs 10 tab-separated fields, found ${f.length}`);
    if (!/^\d+$/.test(f[0]!)) continue;
    const head = Number(f[6]);
    if (Number(f[0]) !== cur.words.length + 1 || !Number.isInteger(head) || head < 0) {
      throw new DyadError('DYAD_E007', `${file}:${i + 1}: word ${f[0]} out of order or head ${f[6]} not a word index`);
    }
    cur.words.push({ text: f[1]!, lemma: f[2]!, pos: f[3]!, head, label: f[7]! });
  }
  flush();
  for (const t of out) {
    if (t.words.some((w) => w.head > t.words.length)) throw new DyadError('DYAD_E007', `${file}: sentence ${t.id}: a head points past the sentence`);
  }
  return out;
}

export function readConllu(path: string): Tree[] {
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DyadError('DYAD_E001', `${path}: cannot read the treebank (${(e as Error).message})`);
  }
  return parseConllu(content, path);
}

/** True when no two arcs of the tree cross (the parser's transitions build only such trees). */
export function isProjective(heads: readonly number[]): boolean {
  // heads[i] is the head of word i + 1 (0 = root).
  const n = heads.length;
  for (let i = 1; i <= n; i++) {
    const h = heads[i - 1]!;
    const [a, b] = h < i ? [h, i] : [i, h];
    for (let j = a + 1; j < b; j++) {
      const hj = heads[j - 1]!;
      if (hj < a || hj > b) return false;
    }
  }
  return true;
}
