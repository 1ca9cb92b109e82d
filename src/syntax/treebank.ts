/**
 * The treebank as the parser meets it: gold words with the gold tags, or with wink-nlp's own lemma
 * and POS (the tagger the coder uses, run on the sentence text, each gold word taking the tag of
 * the wink token that covers its first character), and attachment scores of a parse against it.
 */
import { analyse } from '../text/tokens.js';
import type { Tree } from './conllu.js';
import type { ParseToken } from './features.js';

export function goldTokens(t: Tree): ParseToken[] {
  return t.words.map((w) => ({ text: w.text, lemma: w.lemma.toLowerCase(), pos: w.pos }));
}

/** Character offset of each gold word in the sentence text (-1 where it cannot be found). */
function wordStarts(t: Tree): number[] {
  const out: number[] = [];
  let cursor = 0;
  for (const w of t.words) {
    const at = t.text.indexOf(w.text, cursor);
    out.push(at);
    if (at >= 0) cursor = at + w.text.length;
  }
  return out;
}

export function winkTokens(t: Tree): ParseToken[] {
  const text = t.text || t.words.map((w) => w.text).join(' ');
  const toks = analyse([{ text, part: 'body', paragraph: 0 }]).tokens;
  const starts = t.text ? wordStarts(t) : [];
  let k = 0;
  return t.words.map((w, i) => {
    const at = starts[i] ?? -1;
    if (at >= 0) {
      while (k + 1 < toks.length && toks[k]!.end <= at) k++;
    }
    const tok = toks[k];
    if (tok === undefined) return { text: w.text, lemma: w.text.toLowerCase(), pos: 'X' };
    const same = tok.text === w.text;
    return { text: w.text, lemma: same ? tok.lemma : w.text.toLowerCase(), pos: tok.pos };
  });
}

export interface Attachment {
  words: number;
  /** Right head. */
  uas: number;
  /** Right head and right universal relation (the label before any ':'), CoNLL 2018's LAS. */
  las: number;
  /** Right head and the full label with its subtype (nsubj:pass, acl:relcl, …). */
  lasFull: number;
  /** Tags agreeing with the gold UPOS (only meaningful for wink's tags). */
  pos: number;
}

export function emptyAttachment(): Attachment {
  return { words: 0, uas: 0, las: 0, lasFull: 0, pos: 0 };
}

/** Adds one sentence; punctuation is scored like any word (as in the CoNLL 2018 shared task). */
export function addAttachment(a: Attachment, t: Tree, tokens: readonly ParseToken[], head: Int32Array, label: readonly string[]): void {
  t.words.forEach((w, i) => {
    a.words++;
    if (tokens[i]!.pos === w.pos) a.pos++;
    if (head[i]! + 1 !== w.head) return;
    a.uas++;
    if (label[i]!.split(':')[0] === w.label.split(':')[0]) a.las++;
    if (label[i] === w.label) a.lasFull++;
  });
}
