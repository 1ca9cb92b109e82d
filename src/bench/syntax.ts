/**
 * Speed of the dependency parser against wink-nlp's own tokenising and tagging of the same real
 * news text, timed in the same run: data/sample's articles and, when ../shared/eval is present, the
 * ConfliBERT suites' sentences. Best of three passes each; the parser pass reads the tokens the
 * tagging pass produced (the parser's cost on top of tagging).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, type Analysed } from '../text/tokens.js';
import { loadModel } from '../syntax/model.js';
import { parse } from '../syntax/parse.js';

export interface SyntaxBench {
  texts: number;
  sentences: number;
  tokens: number;
  taggingSentencesPerSecond: number;
  parsingSentencesPerSecond: number;
  /** Parse time over tagging time. */
  ratio: number;
  loadMs: number;
}

function realTexts(sharedDir: string): string[] {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const texts = readFileSync(join(root, 'data', 'sample', 'articles.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { text: string }).text);
  for (const f of ['quad.jsonl', 'roles.jsonl']) {
    const path = join(sharedDir, 'eval', 'conflibert', f);
    if (!existsSync(path)) continue;
    for (const l of readFileSync(path, 'utf8').split('\n')) if (l.trim() !== '') texts.push((JSON.parse(l) as { text: string }).text);
  }
  return texts;
}

function best(passes: number, run: () => void): number {
  let min = Infinity;
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now();
    run();
    min = Math.min(min, performance.now() - t0);
  }
  return min / 1000;
}

export function benchSyntax(sharedDir: string, passes = 3): SyntaxBench {
  const texts = realTexts(sharedDir);
  const t0 = performance.now();
  loadModel();
  const loadMs = performance.now() - t0;
  let analysed: Analysed[] = [];
  const tagSeconds = best(passes, () => {
    analysed = texts.map((text) => analyse([{ text, part: 'body', paragraph: 0 }]));
  });
  const sentences = analysed.reduce((a, d) => a + d.sentences.length, 0);
  const tokens = analysed.reduce((a, d) => a + d.tokens.length, 0);
  const parseSeconds = best(passes, () => {
    for (const d of analysed) for (const s of d.sentences) parse(d.tokens.slice(s.range.start, s.range.end));
  });
  return {
    texts: texts.length,
    sentences,
    tokens,
    taggingSentencesPerSecond: sentences / tagSeconds,
    parsingSentencesPerSecond: sentences / parseSeconds,
    ratio: parseSeconds / tagSeconds,
    loadMs,
  };
}
