import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSync } from '../index.js';
import type { CodedEvent } from '../model/document.js';

const here = '[events/coder] ';

function events(text: string, date = '2020-10-07'): CodedEvent[] {
  return codeSync(text, { date, detectTitle: false }).events;
}

function one(text: string, check: (e: CodedEvent) => void, date = '2020-10-07') {
  const evs = events(text, date);
  assert.ok(evs.length >= 1, `no event in: ${text}`);
  check(evs[0]!);
}

const c = (a: CodedEvent['source']) => a?.country ?? null;

test(here + 'accusation with source, target, code, evidence and explanation', () => {
  one('France accused Turkey on Wednesday of military involvement.', (e) => {
    assert.equal(c(e.source), 'FRA');
    assert.equal(c(e.target), 'TUR');
    assert.equal(e.root, '11');
    assert.equal(e.cameo, '112');
    assert.equal(e.quadClass, 3);
    assert.equal(e.date, '2020-10-07');
    assert.equal(e.dateText, 'on Wednesday');
    assert.ok(e.rule && e.trigger && /accused/.test(e.trigger.text));
    assert.match(e.evidence.text, /^France accused Turkey/);
  });
});

test(here + 'passive: target is the subject, source the by-agent or unknown', () => {
  one('Turkey has been accused of deploying fighters.', (e) => {
    assert.equal(e.source, null);
    assert.equal(c(e.target), 'TUR');
    assert.equal(e.root, '11');
  });
  one('The embassy in Kabul was attacked by Taliban fighters on Monday.', (e) => {
    assert.equal(e.root.slice(0, 1), '1');
    assert.ok(e.source !== null, 'by-agent is the source');
  });
});

test(here + 'compound actors give one event per pair', () => {
  const evs = events('Russia, France and the United States urged Armenia and Azerbaijan to stop fighting.');
  const pairs = new Set(evs.filter((e) => e.root === '10' || e.root === '02').map((e) => `${c(e.source)}>${c(e.target)}`));
  for (const s of ['RUS', 'FRA', 'USA']) for (const t of ['ARM', 'AZE']) assert.ok(pairs.has(`${s}>${t}`), `missing ${s}>${t} in ${[...pairs].join(',')}`);
});

test(here + 'reported speech codes the reported act', () => {
  const evs = events('The ministry said Israeli warplanes struck targets in Gaza on Tuesday.');
  assert.ok(evs.some((e) => c(e.source) === 'ISR' && ['18', '19'].includes(e.root) && e.date === '2020-10-06'), JSON.stringify(evs.map((e) => [c(e.source), e.cameo, c(e.target), e.date])));
});

test(here + 'negatives: negated, hoped-for, conditional, questioned, infinitive and descriptive acts are not events', () => {
  // [sentence, CAMEO roots that must not be coded for the given source]
  const negatives: Array<[string, string, string[]]> = [
    ['Turkey has not responded publicly to the accusations.', 'TUR', ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20']],
    ['Armenia is hoping that its ally Russia will step in.', 'RUS', ['03', '04', '05', '06', '07', '08', '13', '15', '17', '18', '19', '20']],
    ['If Moscow decides to intervene, Georgia would protest.', 'GEO', ['11', '14']],
    ['Did Iran attack the tanker?', 'IRN', ['18', '19']],
    ['Greece refused to attack the ship.', 'GRC', ['18', '19']],
    ['Negotiations mediated by the Minsk group co-chaired by France and Russia went on.', 'RUS', ['04', '05']],
  ];
  for (const [text, source, roots] of negatives) {
    const bad = events(text).filter((e) => c(e.source) === source && roots.includes(e.root));
    assert.deepEqual(
      bad.map((e) => e.cameo),
      [],
      text,
    );
  }
  const non = codeSync('Turkey has not condemned Greece.', { date: '2020-10-07', detectTitle: false }).nonEvents;
  assert.ok(non.some((n) => n.modality === 'negated'), 'the non-event is explained');
});

test(here + 'announced acts are coded as intent (CAMEO 03/13), not as done', () => {
  one('Japan will send emergency aid to Turkey.', (e) => {
    assert.equal(e.root, '03');
    assert.equal(c(e.source), 'JPN');
    assert.equal(c(e.target), 'TUR');
  });
});

test(here + 'reported obligation is a demand; reported "would" announces', () => {
  one('Russia said that Sudan must release the prisoners.', (e) => {
    assert.equal(e.root, '10');
    assert.equal(c(e.source), 'RUS');
    assert.equal(c(e.target), 'SDN');
  });
  one('Iraq said it would release the prisoners.', (e) => {
    assert.equal(e.root, '03');
    assert.equal(c(e.source), 'IRQ');
  });
  assert.deepEqual(events('Sudan could release the prisoners.'), []);
});

test(here + 'protests: the object of the protest, else the place, else the implied home government', () => {
  one('Ethnic Turks began a hunger strike to protest against Sweden\'s decision.', (e) => {
    assert.equal(e.root, '14');
    assert.equal(c(e.target), 'SWE');
  });
  one('Algerian landowners began a hunger strike outside Parliament on Sunday.', (e) => {
    assert.equal(e.root, '14');
    assert.equal(c(e.source), 'DZA');
    assert.equal(e.target?.code, 'DZAGOV');
    assert.equal(e.target?.implied, true);
    assert.equal(e.target?.text, '');
  });
});

test(here + 'historical background is not an event of the article date', () => {
  const evs = events('Armenia and Azerbaijan fought a war in the 1990s that killed 30,000 people.');
  assert.ok(!evs.some((e) => e.root === '19' || e.root === '18'), JSON.stringify(evs.map((e) => e.cameo)));
});

test(here + 'dates: weekday by tense, tomorrow, stated day', () => {
  one('Iran and Iraq will hold talks on Monday in Baghdad.', (e) => assert.equal(e.date, '2020-10-12'));
  one('Iran and Iraq held talks on Monday in Baghdad.', (e) => assert.equal(e.date, '2020-10-05'));
  one('Armenian and Azerbaijani forces clashed on September 27.', (e) => assert.equal(e.date, '2020-09-27'));
});

test(here + 'one event, many mentions: headline, standfirst and lead merge', () => {
  const text = 'Britain expels Russian diplomats\n\nBritain has expelled two Russian diplomats.\nPhoto: The embassy in London (Reuters)\n\nBritain expelled two Russian diplomats on Wednesday, the Foreign Office said.';
  const evs = codeSync(text, { date: '2020-10-07' }).events.filter((e) => c(e.source) === 'GBR' && c(e.target) === 'RUS');
  assert.equal(evs.length, 1, JSON.stringify(evs.map((e) => e.cameo)));
  assert.equal(evs[0]!.mentions, 3);
  assert.deepEqual(evs[0]!.sentences, [0, 1, 2]);
});

test(here + 'joint acts of two named actors are coded both ways', () => {
  const evs = events('Armenia and Azerbaijan agreed on Friday to continue negotiations.', '2024-04-12');
  const pairs = evs.filter((e) => e.root === '03').map((e) => `${c(e.source)}>${c(e.target)}`);
  assert.ok(pairs.includes('ARM>AZE') && pairs.includes('AZE>ARM'), pairs.join(','));
  assert.ok(evs.every((e) => e.date === '2024-04-12'));
});

test(here + 'coordinated verbs share the subject, never the first verb\'s object', () => {
  const evs = events('Russian forces shelled Kharkiv and attacked Ukrainian positions on Monday.');
  // Both acts are found (same dyad, root and day: one event with two mentions).
  assert.ok(evs.reduce((n, e) => n + e.mentions, 0) >= 2);
  for (const e of evs) assert.equal(c(e.source), 'RUS', `${e.cameo} ${e.source?.text}`);
  const none = events('A roadside bomb killed one soldier and wounded two others.');
  assert.ok(!none.some((e) => e.source?.text === 'soldier'));
});
