/**
 * The dependency parser (src/syntax) scored on UD English EWT test (../shared/ud-english-ewt/,
 * CC BY-SA 4.0; the parser is trained on its dev split): UAS and LAS over all words, punctuation
 * included, with the gold tags and with wink-nlp's own tags on the gold words.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readConllu } from '../syntax/conllu.js';
import { loadModel } from '../syntax/model.js';
import { parse } from '../syntax/parse.js';
import { addAttachment, emptyAttachment, goldTokens, winkTokens, type Attachment } from '../syntax/treebank.js';

export interface TreebankScores {
  sentences: number;
  gold: Attachment;
  wink: Attachment;
  lines: string[];
}

function pct(x: number, n: number): string {
  return ((100 * x) / Math.max(1, n)).toFixed(1).padStart(5) + '%';
}

export function scoreTreebank(path: string, modelPath?: string): TreebankScores {
  const trees = readConllu(path);
  const model = loadModel(modelPath);
  const gold = emptyAttachment();
  const wink = emptyAttachment();
  for (const t of trees) {
    const g = goldTokens(t);
    const pg = parse(g, model);
    addAttachment(gold, t, g, pg.head, pg.label);
    const w = winkTokens(t);
    const pw = parse(w, model);
    addAttachment(wink, t, w, pw.head, pw.label);
  }
  const lines = [`Dependency parser on UD English EWT test (${trees.length} sentences, ${gold.words} words; trained on dev)`];
  lines.push('  tags          UAS     LAS   LAS with subtypes   UPOS');
  lines.push(`  gold       ${pct(gold.uas, gold.words)}  ${pct(gold.las, gold.words)}  ${pct(gold.lasFull, gold.words)}`);
  lines.push(`  wink-nlp   ${pct(wink.uas, wink.words)}  ${pct(wink.las, wink.words)}  ${pct(wink.lasFull, wink.words)}            ${pct(wink.pos, wink.words)}`);
  return { sentences: trees.length, gold, wink, lines };
}

export function evalSyntax(sharedDir: string): TreebankScores | null {
  const path = join(sharedDir, 'ud-english-ewt', 'en_ewt-ud-test.conllu');
  return existsSync(path) ? scoreTreebank(path) : null;
}
