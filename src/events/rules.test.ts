/**
 * One test per registered event rule, named by its id: each sentence (written for this test) is
 * one the rule decides, and the check fails when the rule is taken out of its phase list in
 * src/events/rules.ts (the behaviour changes, or the published explanation does).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPipeline, type CodeOptions } from '../pipeline.js';
import type { CodedEvent, Doc, RejectedEvent } from '../model/document.js';
import { mergeEvents } from './merge.js';
import { EVENT_RULES, PHASE_LISTS, type EventRuleId } from './rules.js';

const here = '[events/rules] ';
const DATE = '2020-10-07';

interface Case {
  text: string;
  opts?: CodeOptions;
  check(doc: Doc): void;
}

const country = (a: CodedEvent['source']) => a?.country ?? null;
const show = (doc: Doc) =>
  JSON.stringify({ events: doc.layers.events.map((e) => `${e.cameo} ${e.source?.code ?? '-'}>${e.target?.code ?? '-'} "${e.trigger?.text}" ${e.rule}`), rejected: doc.layers.nonEvents.map((r) => `${r.cameo} ${r.modality} "${r.trigger.text}" ${r.rule}`) });

function event(doc: Doc, id: EventRuleId, pred: (e: CodedEvent) => boolean = () => true): CodedEvent {
  const e = doc.layers.events.find((x) => x.rules?.includes(id) && pred(x));
  assert.ok(e, `no event decided by ${id}: ${show(doc)}`);
  return e;
}

function rejected(doc: Doc, id: EventRuleId, modality: RejectedEvent['modality'], trigger: string): RejectedEvent {
  const r = doc.layers.nonEvents.find((x) => x.rules?.includes(id) && x.trigger.text === trigger);
  assert.ok(r, `no rejection of "${trigger}" by ${id}: ${show(doc)}`);
  assert.equal(r.modality, modality);
  assert.ok(!doc.layers.events.some((e) => e.trigger?.text === trigger), `"${trigger}" must not be coded: ${show(doc)}`);
  return r;
}

function noEvents(doc: Doc, roots: string[]): void {
  assert.deepEqual(doc.layers.events.filter((e) => roots.includes(e.root)).map((e) => e.rule), [], show(doc));
}

/** Every sentence the modality rules reject must not be coded, and must say why in its rule string. */
const rejects = (id: EventRuleId, modality: RejectedEvent['modality'], trigger: string, label: string) => (doc: Doc) => {
  const r = rejected(doc, id, modality, trigger);
  assert.ok(r.rule.includes(label), `${r.rule} names ${label}`);
};

const CASES: Record<EventRuleId, Case> = {
  // select
  'lexicon-trigger': {
    text: 'France accused Turkey on Wednesday of military involvement.',
    check(doc) {
      const e = event(doc, 'lexicon-trigger', (x) => x.cameo === '112');
      assert.equal(e.rules?.[0], 'lexicon-trigger');
      assert.equal(e.facts?.pattern, e.rule);
    },
  },
  'head-off-actor': {
    text: 'Israeli warplanes struck targets in Gaza.',
    check(doc) {
      const e = event(doc, 'head-off-actor');
      assert.equal(e.trigger?.text, 'struck');
      assert.equal(country(e.source), 'ISR');
    },
  },
  'longest-match': {
    text: 'Russia launched an attack on Ukraine.',
    check(doc) {
      const e = event(doc, 'longest-match');
      assert.equal(e.trigger?.text, 'launched an attack on Ukraine');
      assert.equal(doc.layers.events.length, 1, show(doc));
      assert.equal(doc.layers.nonEvents.length, 0, 'the shorter overlapping pattern is not a second candidate');
    },
  },
  'outcome-method': {
    text: 'Five Iraqi soldiers were killed in a car bombing in Baghdad.',
    check(doc) {
      const e = event(doc, 'outcome-method');
      assert.equal(e.trigger?.text, 'killed');
      assert.equal(e.cameo, '1832', 'the method (vehicular bombing) gives the code');
    },
  },
  // content
  'content-of': {
    text: 'Poland demanded that Moscow admit that Soviet forces murdered Polish officers.',
    check: rejects('content-of', 'alleged', 'murdered', 'modality/content-of:'),
  },
  'nominal-complement': {
    text: 'Greece condemned the attack on the embassy.',
    check(doc) {
      rejected(doc, 'nominal-complement', 'descriptive', 'attack on the embassy');
      assert.equal(doc.layers.events.length, 1, show(doc));
    },
  },
  // modality
  'question-mark': { text: 'Has Turkey accused Greece of provocations?', check: rejects('question-mark', 'questioned', 'accused Greece of provocations', 'modality/question-mark') },
  'auxiliary-window': {
    text: 'Russia has not attacked Ukraine.',
    check(doc) {
      rejected(doc, 'negator', 'negated', 'attacked');
      noEvents(doc, ['18', '19']);
      assert.ok(EVENT_RULES.has('auxiliary-window'));
    },
  },
  negator: { text: 'Greece never attacked the ship.', check: rejects('negator', 'negated', 'attacked', 'modality/negator:never') },
  future: { text: 'Armenia is hoping that Russia will attack Azerbaijan.', check: rejects('future', 'hoped', 'attack', 'modality/future:will') },
  'reported-would': {
    text: 'Iraq said it would release the prisoners.',
    check(doc) {
      const e = event(doc, 'reported-would');
      assert.equal(e.root, '03');
      assert.equal(country(e.source), 'IRQ');
    },
  },
  modal: { text: 'Sudan could release the prisoners.', check: rejects('modal', 'hypothetical', 'release', 'modality/modal:could') },
  'negating-verb': { text: 'Greece refused to attack the ship.', check: rejects('negating-verb', 'negated', 'attack', 'modality/negating-verb:refuse') },
  'going-to': {
    text: 'Russia is going to attack Ukraine.',
    check(doc) {
      const e = event(doc, 'going-to');
      assert.equal(e.cameo, '138');
      assert.equal(e.facts?.modality, 'future');
    },
  },
  'intent-governor': {
    text: 'France is ready to send troops to Mali.',
    check(doc) {
      const e = event(doc, 'intent-governor');
      assert.equal(e.root, '13');
      assert.equal(country(e.target), 'MLI');
    },
  },
  'protest-purpose': {
    text: 'Nigerian students gathered in Lagos to protest against the government.',
    check(doc) {
      const e = doc.layers.events.find((x) => x.root === '14');
      assert.ok(e, `the purpose of the gathering is coded: ${show(doc)}`);
      assert.equal(country(e.source), 'NGA');
      assert.ok(!doc.layers.nonEvents.some((r) => r.rule.includes('modality/infinitive')), show(doc));
    },
  },
  aspectual: {
    text: 'Russia continued to attack Ukrainian positions.',
    check(doc) {
      const e = doc.layers.events.find((x) => x.root === '19' && country(x.source) === 'RUS');
      assert.ok(e, `"continued to attack" is an attack: ${show(doc)}`);
      assert.equal(doc.layers.nonEvents.length, 0, show(doc));
    },
  },
  infinitive: { text: 'France wants to attack Mali.', check: rejects('infinitive', 'hypothetical', 'attack', 'modality/infinitive') },
  conditional: { text: 'If Russia invades Georgia, Turkey will protest.', check: rejects('conditional', 'hypothetical', 'invades', 'modality/conditional:if') },
  'relative-clause': { text: 'Greece criticised Macedonia, which attacked Albania.', check: rejects('relative-clause', 'descriptive', 'attacked', 'modality/relative-clause') },
  'nominal-tense': {
    text: 'Turkey did not lift the ban on Greek imports.',
    check(doc) {
      rejected(doc, 'negated-verb', 'negated', 'ban on Greek imports');
      assert.ok(EVENT_RULES.has('nominal-tense'));
    },
  },
  'negated-verb': { text: 'Britain did not lift the ban on Iranian imports.', check: rejects('negated-verb', 'negated', 'ban on Iranian imports', 'modality/negated-verb:not') },
  'future-verb': {
    text: 'The Japanese prime minister will make a visit to the United Kingdom.',
    check(doc) {
      const e = event(doc, 'future-verb');
      assert.equal(e.root, '03', 'an announced visit is an intent to meet');
      assert.equal(country(e.target), 'GBR');
    },
  },
  'gerund-after': { text: 'France accused Turkey of helping Azerbaijan.', check: rejects('gerund-after', 'alleged', 'helping', 'modality/gerund-after:of') },
  'reduced-relative': { text: 'The talks mediated by France resumed.', check: rejects('reduced-relative', 'descriptive', 'mediated', 'modality/reduced-relative') },
  'light-verb': {
    text: 'Russia completed its withdrawal from Syria.',
    check(doc) {
      const e = event(doc, 'light-verb');
      assert.equal(e.trigger?.text, 'withdrawal');
      assert.equal(country(e.source), 'RUS');
    },
  },
  'attributive-participle': { text: 'Russian troops entered the besieged town.', check: rejects('attributive-participle', 'descriptive', 'besieged', 'modality/attributive-participle') },
  'definite-nominal': { text: 'The mediation failed, Turkey said.', check: rejects('definite-nominal', 'descriptive', 'mediation', 'modality/definite-nominal') },
  'bare-nominal': { text: 'Greek negotiations continued.', check: rejects('bare-nominal', 'descriptive', 'negotiations', 'modality/bare-nominal') },
  historical: { text: 'Armenia and Azerbaijan fought a war in the 1990s.', check: rejects('historical', 'historical', 'fought', 'modality/historical:in the 1990s') },
  asserted: {
    text: 'France accused Turkey on Wednesday of military involvement.',
    check(doc) {
      const e = event(doc, 'asserted');
      assert.equal(e.facts?.modality, 'asserted');
      assert.equal(e.facts?.cue, null);
    },
  },
  // bind
  'slot-source': {
    text: 'A visit by the Turkish president ended on Monday.',
    opts: { lexiconFiles: ['visit-by.jsonl'] },
    check(doc) {
      const e = event(doc, 'slot-source');
      assert.equal(e.source?.code, 'TURGOV');
    },
  },
  'slot-target': {
    text: 'The UN urged Darfur rebels to negotiate.',
    check(doc) {
      const e = event(doc, 'slot-target');
      assert.equal(e.target?.code, 'SDNREB', 'the rebels, not the place before them');
    },
  },
  passive: {
    text: 'Turkey has been accused of deploying fighters.',
    check(doc) {
      const e = event(doc, 'passive');
      assert.equal(e.facts?.passive, true);
      assert.match(e.rule ?? '', /\+passive$/);
    },
  },
  'passive-target': {
    text: 'Turkey has been accused of deploying fighters.',
    check(doc) {
      const e = event(doc, 'passive-target');
      assert.equal(e.source, null);
      assert.equal(country(e.target), 'TUR');
    },
  },
  'by-agent': {
    text: 'The embassy in Kabul was attacked by Taliban fighters on Monday.',
    check(doc) {
      const e = event(doc, 'by-agent');
      assert.equal(e.source?.code, 'AFGREB');
    },
  },
  'nominal-agent': {
    text: 'Israeli air strikes hit Gaza.',
    check(doc) {
      const e = event(doc, 'nominal-agent');
      assert.equal(country(e.source), 'ISR');
      assert.match(e.rule ?? '', /\+nominal-agent$/);
    },
  },
  'coordinated-verb': {
    text: 'Russia attacked Ukraine and threatened Poland.',
    check(doc) {
      const e = event(doc, 'coordinated-verb', (x) => x.root === '13');
      assert.equal(country(e.source), 'RUS', 'not the first verb\'s object');
    },
  },
  'shared-subject': {
    text: 'Iran attacked Iraq and threatened Kuwait.',
    check(doc) {
      const e = event(doc, 'shared-subject', (x) => x.root === '13');
      assert.equal(country(e.source), 'IRN');
      assert.equal(country(e.target), 'KWT');
    },
  },
  'clause-subject': {
    text: 'France accused Turkey on Wednesday of military involvement.',
    check(doc) {
      assert.equal(country(event(doc, 'clause-subject').source), 'FRA');
    },
  },
  'main-subject': {
    text: 'Turkey criticised Greece, accusing Athens of provocations.',
    check(doc) {
      const e = event(doc, 'main-subject');
      assert.equal(country(e.source), 'TUR');
      assert.equal(e.root, '11');
    },
  },
  'protest-object': {
    text: "Ethnic Turks began a hunger strike to protest against Sweden's decision.",
    check(doc) {
      const e = event(doc, 'protest-object');
      assert.equal(country(e.target), 'SWE');
    },
  },
  'protest-locus': {
    text: 'Turkish students demonstrated in Germany.',
    check(doc) {
      const e = event(doc, 'protest-locus');
      assert.equal(country(e.target), 'DEU');
      assert.match(e.rule ?? '', /\+locus-target$/);
    },
  },
  'complement-object': {
    text: 'Russian artillery shelled villages in Ukraine.',
    check(doc) {
      const e = event(doc, 'complement-object');
      assert.equal(e.target?.code, 'UKRCVL');
    },
  },
  'force-locus': {
    text: 'Russian troops fought and died in Syria.',
    check(doc) {
      const e = event(doc, 'force-locus');
      assert.equal(country(e.target), 'SYR');
    },
  },
  // recode
  intent: {
    text: 'Japan will send emergency aid to Turkey.',
    check(doc) {
      const e = event(doc, 'intent');
      assert.equal(e.root, '03');
      assert.equal(e.facts?.recodedFrom?.slice(0, 2), '07');
      assert.match(e.rule ?? '', /\+intent\(07\d*\)$/);
    },
  },
  'possible-threat': {
    text: 'Iran could strike Israel.',
    check(doc) {
      const e = event(doc, 'possible-threat');
      assert.equal(e.root, '13');
      assert.equal(country(e.target), 'ISR');
    },
  },
  'reported-obligation': {
    text: 'Russia said that Sudan must release the prisoners.',
    check(doc) {
      const e = event(doc, 'reported-obligation');
      assert.equal(e.cameo, '100');
      assert.equal(country(e.source), 'RUS');
      assert.equal(country(e.target), 'SDN');
    },
  },
  // pair
  coordination: {
    text: 'Russia, France and the United States urged Armenia and Azerbaijan to stop fighting.',
    check(doc) {
      const pairs = new Set(doc.layers.events.filter((e) => e.rules?.includes('coordination')).map((e) => `${country(e.source)}>${country(e.target)}`));
      for (const s of ['RUS', 'FRA', 'USA']) for (const t of ['ARM', 'AZE']) assert.ok(pairs.has(`${s}>${t}`), `missing ${s}>${t}: ${show(doc)}`);
    },
  },
  untargeted: {
    text: 'The Turkish ambassador was mourned by Greek officials.',
    check(doc) {
      const e = event(doc, 'untargeted');
      assert.equal(e.target, null, 'mourning has no target');
      assert.equal(country(e.source), 'GRC');
    },
  },
  reciprocal: {
    text: 'Iran and Iraq held talks on Monday in Baghdad.',
    check(doc) {
      const pairs = doc.layers.events.filter((e) => e.rules?.includes('reciprocal')).map((e) => `${country(e.source)}>${country(e.target)}`);
      assert.deepEqual(pairs.sort(), ['IRN>IRQ', 'IRQ>IRN']);
    },
  },
  'own-country-place': {
    text: 'Syrian troops attacked Aleppo.',
    check(doc) {
      const e = event(doc, 'own-country-place');
      assert.equal(e.target, null, 'a place at home is where, not whom');
    },
  },
  'implied-home-government': {
    text: 'Algerian landowners began a hunger strike outside Parliament on Sunday.',
    check(doc) {
      const e = event(doc, 'implied-home-government');
      assert.equal(e.target?.code, 'DZAGOV');
      assert.equal(e.target?.implied, true);
      assert.equal(e.facts?.inferredTarget, 'home-government');
    },
  },
  'implied-own-country': {
    text: 'The Egyptian government imposed a curfew.',
    check(doc) {
      const e = event(doc, 'implied-own-country');
      assert.equal(e.target?.code, 'EGY');
      assert.equal(e.facts?.inferredTarget, 'own-country');
    },
  },
  'needs-source': {
    text: 'Gunfire was heard as a convoy attacked the village.',
    check(doc) {
      assert.ok(!doc.layers.events.some((e) => e.source === null && e.rules?.every((r) => r !== 'passive')), `an active act without an actor: ${show(doc)}`);
      assert.equal(doc.layers.events.length, 0, show(doc));
    },
  },
  'no-self-target': {
    text: 'Iraqi police arrested two Iraqi policemen.',
    check(doc) {
      assert.equal(doc.layers.events.length, 0, show(doc));
      const other = runPipeline('Iraqi police arrested two Syrian smugglers.', { date: DATE, detectTitle: false });
      assert.ok(other.layers.events.length > 0, 'the same act on someone else is coded');
    },
  },
  // date
  'clause-date': {
    text: 'Armenian and Azerbaijani forces clashed on September 27.',
    check(doc) {
      const e = event(doc, 'clause-date');
      assert.equal(e.date, '2020-09-27');
      assert.equal(e.dateText, 'September 27');
    },
  },
  'publication-date': {
    text: 'France accused Turkey of military involvement.',
    check(doc) {
      const e = event(doc, 'publication-date');
      assert.equal(e.date, DATE);
      assert.equal(e.dateRule, 'date/publication');
    },
  },
  // merge
  'merge-mentions': {
    text: 'Britain expels Russian diplomats\n\nBritain has expelled two Russian diplomats.\n\nBritain expelled two Russian diplomats, the Foreign Office said.',
    opts: { detectTitle: true },
    check(doc) {
      const e = event(doc, 'merge-mentions');
      assert.equal(e.mentions, 3);
      assert.deepEqual(e.sentences, [0, 1, 2]);
    },
  },
  'stated-date': {
    text: 'Britain expels Russian diplomats\n\nBritain expelled two Russian diplomats on Wednesday.',
    opts: { detectTitle: true },
    check(doc) {
      const e = event(doc, 'stated-date');
      assert.equal(e.mentions, 2);
      assert.equal(e.dateText, 'on Wednesday');
      assert.notEqual(e.dateRule, 'date/publication');
    },
  },
};

let dir: string | null = null;

function lexiconFile(name: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'dyad-rules-'));
  const file = join(dir, name);
  // A user pattern with a source slot (the built-in lexicon places none).
  writeFileSync(file, JSON.stringify({ id: 'visit-by', code: '042', pattern: 'visit by $S', example: 'A visit by the Turkish president ended.', target: 'none' }) + '\n');
  return file;
}

/** Runs `fn` with rule `id` taken out of its phase list, then puts it back. */
function without<T>(id: EventRuleId, fn: () => T): T {
  const lists = Object.values(PHASE_LISTS) as unknown as Array<Array<{ id: EventRuleId }>>;
  const list = lists.find((l) => l.some((r) => r.id === id));
  assert.ok(list, `${id} is in a phase list`);
  const at = list.findIndex((r) => r.id === id);
  const [rule] = list.splice(at, 1);
  try {
    return fn();
  } finally {
    list.splice(at, 0, rule!);
  }
}

function runCase(c: Case): void {
  const opts: CodeOptions = { date: DATE, detectTitle: false, ...c.opts };
  if (opts.lexiconFiles) opts.lexiconFiles = opts.lexiconFiles.map(lexiconFile);
  c.check(runPipeline(c.text, opts));
}

for (const [id, c] of Object.entries(CASES) as Array<[EventRuleId, Case]>) {
  const run = () => runCase(c);
  test(here + id, run);
  test(here + id + ' (fails without the rule)', () => {
    assert.throws(() => without(id, run), `the case of ${id} still passes with the rule removed`);
  });
}

test(here + 'control: removing a rule a case does not use leaves it passing', () => {
  without('historical', () => runCase(CASES['lexicon-trigger']));
  without('possible-threat', () => runCase(CASES.passive));
});

test(here + 'every registered rule has a case here, and every case names a registered rule', () => {
  assert.deepEqual([...EVENT_RULES.keys()].sort(), Object.keys(CASES).sort());
  const listed = Object.values(PHASE_LISTS).flat().map((r) => r.id);
  assert.equal(new Set(listed).size, listed.length, 'each rule is listed once');
});

test(here + 'published rule strings are derived from rule ids, and merging keeps the first event\'s', () => {
  const doc = runPipeline('Britain expels Russian diplomats\n\nBritain expelled two Russian diplomats.', { date: DATE });
  assert.equal(doc.layers.events.length, 1);
  const before = doc.layers.events.map((e) => e.rule);
  assert.deepEqual(mergeEvents(doc.layers.events).map((e) => e.rule), before);
});

test.after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});
