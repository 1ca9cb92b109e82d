import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyse } from '../text/tokens.js';
import { phrase, predicates, type Predicate } from './clauses.js';
import { parse, type Parse } from './parse.js';

/**
 * A parse written by hand: "word/POS>head:label" per token (or "word=lemma/POS>…"), heads 1-based
 * (0 = root), so that the reading of clauses is tested apart from the model.
 */
function tree(spec: string): { tokens: Array<{ text: string; lemma: string; pos: string }>; p: Parse } {
  const items = spec.trim().split(/\s+/).map((x) => /^([^=]+?)(?:=(.+))?\/([A-Z]+)>(\d+):(.+)$/.exec(x)!);
  const tokens = items.map((m) => ({ text: m[1]!, lemma: m[2] ?? m[1]!.toLowerCase(), pos: m[3]! }));
  const p: Parse = { head: Int32Array.from(items.map((m) => Number(m[4]) - 1)), label: items.map((m) => m[5]!) };
  return { tokens, p };
}

function at(preds: Predicate[], index: number): Predicate {
  const pr = preds.find((x) => x.index === index);
  assert.ok(pr, `no predicate at ${index}`);
  return pr;
}

test('an inverted conditional is the condition of the main clause, whose modal is kept', () => {
  const { tokens, p } = tree(
    'Should/AUX>3:aux China/PROPN>3:nsubj supply/VERB>11:advcl weapons/NOUN>3:obj to/ADP>6:case Russia/PROPN>3:obl ,/PUNCT>3:punct ' +
      'the/DET>9:det EU/PROPN>11:nsubj would/AUX>11:aux consider/VERB>0:root new/ADJ>13:amod sanctions/NOUN>11:obj ./PUNCT>11:punct',
  );
  const preds = predicates(tokens, p);
  const supply = at(preds, 2);
  assert.equal(supply.condition, true);
  assert.deepEqual(supply.subjects, [1]);
  assert.deepEqual(supply.objects, [3]);
  assert.deepEqual(supply.obliques, [{ prep: 'to', index: 5 }]);
  const consider = at(preds, 10);
  assert.deepEqual(consider.conditions, [2]);
  assert.equal(consider.modal, 'would');
  assert.equal(consider.condition, false);
  assert.deepEqual(consider.subjects, [8]);
});

test('an "if" clause is a condition; a "when" clause is not', () => {
  const cond = tree('If/SCONJ>3:mark Moscow/PROPN>3:nsubj intervenes/VERB>7:advcl ,/PUNCT>3:punct Kyiv/PROPN>7:nsubj will/AUX>7:aux respond/VERB>0:root');
  assert.equal(at(predicates(cond.tokens, cond.p), 2).condition, true);
  const when = tree('When/SCONJ>3:mark Moscow/PROPN>3:nsubj intervened/VERB>6:advcl ,/PUNCT>3:punct Kyiv/PROPN>6:nsubj responded/VERB>0:root');
  assert.equal(at(predicates(when.tokens, when.p), 2).condition, false);
});

test('a passive keeps its subject as the patient and its by-phrase as the agent', () => {
  const { tokens, p } = tree('The/DET>2:det envoy/NOUN>4:nsubj:pass was/AUX>4:aux:pass warned/VERB>0:root by/ADP>8:case the/DET>8:det African/ADJ>8:amod Union/PROPN>4:obl:agent ./PUNCT>4:punct');
  const warned = at(predicates(tokens, p), 3);
  assert.equal(warned.passive, true);
  assert.equal(warned.agent, 7);
  assert.deepEqual(warned.subjects, [1]);
  assert.deepEqual(phrase(p, 7), [4, 7]);
});

test('the relative pronoun of a relative clause stands for the noun it modifies', () => {
  const { tokens, p } = tree('The/DET>2:det envoy/NOUN>9:nsubj ,/PUNCT>5:punct who/PRON>5:nsubj met/VERB>2:acl:relcl the/DET>7:det rebels/NOUN>5:obj ,/PUNCT>5:punct returned/VERB>0:root ./PUNCT>9:punct');
  const preds = predicates(tokens, p);
  const met = at(preds, 4);
  assert.equal(met.kind, 'relative');
  assert.equal(met.governor, 1);
  assert.deepEqual(met.subjects, [1]);
  assert.deepEqual(met.objects, [6]);
  assert.deepEqual(at(preds, 8).subjects, [1]);
});

test('negation in scope, and the reporting verb over a complement', () => {
  const { tokens, p } = tree('Officials/NOUN>2:nsubj said=say/VERB>0:root troops/NOUN>6:nsubj did/AUX>6:aux not/PART>6:advmod shell/VERB>2:ccomp the/DET>8:det town/NOUN>6:obj ./PUNCT>2:punct');
  const preds = predicates(tokens, p);
  const shell = at(preds, 5);
  assert.equal(shell.negated, true);
  assert.equal(shell.reportedBy, 1);
  assert.equal(shell.kind, 'complement');
  assert.equal(at(preds, 1).negated, false);
});

test('coordinated subjects stay one argument, and a conjoined verb shares them', () => {
  const { tokens, p } = tree('France/PROPN>4:nsubj and/CCONJ>3:cc Germany/PROPN>1:conj condemned/VERB>0:root and/CCONJ>6:cc sanctioned/VERB>4:conj the/DET>8:det regime/NOUN>6:obj ./PUNCT>4:punct');
  const preds = predicates(tokens, p);
  assert.deepEqual(at(preds, 3).subjects, [0, 2]);
  assert.deepEqual(at(preds, 5).subjects, [0, 2]);
  assert.deepEqual(at(preds, 5).objects, [7]);
});

test('object control gives the infinitive its subject; a noun-modifying past participle is passive', () => {
  const urge = tree('The/DET>2:det UN/PROPN>3:nsubj urged/VERB>0:root Kyiv/PROPN>3:obj to/PART>6:mark negotiate/VERB>3:xcomp ./PUNCT>3:punct');
  assert.deepEqual(at(predicates(urge.tokens, urge.p), 5).subjects, [3]);
  const host = tree('Negotiations/NOUN>5:nsubj hosted/VERB>1:acl by/ADP>4:case Qatar/PROPN>2:obl resumed/VERB>0:root ./PUNCT>5:punct');
  const hosted = at(predicates(host.tokens, host.p), 1);
  assert.equal(hosted.passive, true);
  assert.deepEqual(hosted.objects, [0]);
  assert.equal(hosted.agent, 3);
  const fight = tree('Troops/NOUN>4:nsubj fighting/VERB>1:acl nearby/ADV>2:advmod withdrew/VERB>0:root');
  assert.equal(at(predicates(fight.tokens, fight.p), 1).passive, false);
});

function parsedPredicates(text: string) {
  const tokens = analyse([{ text, part: 'body', paragraph: 0 }]).tokens;
  const preds = predicates(tokens, parse(tokens));
  return { preds, idx: (w: string) => tokens.findIndex((t) => t.text === w) };
}

test('on the trained parser: an "if" clause is the condition of the main verb', () => {
  const { preds, idx } = parsedPredicates('If Moscow sends troops, Kyiv will respond.');
  assert.equal(at(preds, idx('sends')).condition, true);
  assert.deepEqual(at(preds, idx('respond')).conditions, [idx('sends')]);
  assert.deepEqual(at(preds, idx('sends')).subjects, [idx('Moscow')]);
  assert.deepEqual(at(preds, idx('respond')).subjects, [idx('Kyiv')]);
});

// Known failures: wink-nlp tags "supply" a noun here, and the greedy parser reads an inverted
// condition before the main clause as the main clause (the main verb as its parataxis).
test('on the trained parser: the inverted conditional of the issue', { todo: 'wink tags "supply" NOUN; inversion before the main clause misparsed' }, () => {
  const { preds, idx } = parsedPredicates('Should China supply weapons to Russia, the EU would consider new sanctions.');
  assert.equal(at(preds, idx('supply')).condition, true);
  assert.deepEqual(at(preds, idx('consider')).conditions, [idx('supply')]);
});
