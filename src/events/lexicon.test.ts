import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { compilePattern, entriesFor, inflect, loadLexicon, matchAt, type MatchToken, type PatternEntry } from './lexicon.js';
import { loadCodebook } from './codebook.js';
import { isDyadError } from '../model/errors.js';

// ---- helpers

const nlp = winkNLP(model);
/** Tokens as the coder sees them: lower-case lemma and norm, universal POS (as src/text/tokens.ts builds them). */
function tokenize(text: string): MatchToken[] {
  const doc = nlp.readDoc(text);
  const toks = doc.tokens() as unknown as { out(f: unknown): string[] };
  const values = toks.out(nlp.its.value);
  const lemmas = toks.out(nlp.its.lemma);
  const pos = toks.out(nlp.its.pos);
  const out: MatchToken[] = [];
  for (let k = 0; k < values.length; k++) {
    if (/^\s+$/.test(values[k])) continue;
    out.push({ norm: values[k].toLowerCase(), lemma: (lemmas[k] ?? values[k]).toLowerCase(), pos: pos[k] ?? 'X' });
  }
  return out;
}

/** Does the entry match anywhere in the text? */
function firesOn(entry: PatternEntry, text: string): boolean {
  const toks = tokenize(text);
  for (let i = 0; i < toks.length; i++) if (matchAt(entry, toks, i, toks.length)) return true;
  return false;
}

/** Hand-made tokens: "word/POS" or "word/lemma/POS". */
function toks(spec: string): MatchToken[] {
  return spec.split(' ').map((w) => {
    const parts = w.split('/');
    if (parts.length === 3) return { norm: parts[0].toLowerCase(), lemma: parts[1], pos: parts[2] };
    return { norm: parts[0].toLowerCase(), lemma: parts[0].toLowerCase(), pos: parts[1] };
  });
}

function entry(pattern: string, extra: Partial<PatternEntry> = {}): PatternEntry {
  const tmp = mkdtempSync(join(tmpdir(), 'dyad-lex-'));
  try {
    const f = join(tmp, 'one.jsonl');
    writeFileSync(f, JSON.stringify({ id: 'zz-test-entry', code: '112', pattern, example: 'x' }) + '\n');
    const lex = loadLexicon({ extraFiles: [f] });
    const e = lex.entries.find((x) => x.id === 'zz-test-entry');
    assert.ok(e);
    return { ...e, ...extra };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const GOLD_TYPES = ['AGREE', 'DEMAND', 'REJECT', 'THREATEN', 'PROTEST', 'COERCE', 'FIGHT', 'DISAPPROVE', 'ASSAULT',
  'RETREAT', 'SANCTION', 'SUPPORT', 'CONCEDE', 'CONSULT', 'AID', 'INVESTIGATE', 'MOBILIZE', 'COOPERATE'];

// ---- the built-in lexicon

test('built-in lexicon loads: every entry compiles, its code exists, ids are unique', () => {
  const lex = loadLexicon();
  const cb = loadCodebook();
  assert.ok(lex.entries.length >= 200, `${lex.entries.length} entries`);
  const ids = new Set<string>();
  for (const e of lex.entries) {
    assert.ok(cb.has(e.code), `${e.file}:${e.line} code ${e.code}`);
    assert.ok(!ids.has(e.id), `duplicate ${e.id}`);
    ids.add(e.id);
    assert.deepEqual(compilePattern(e.pattern).headIndex, e.headIndex);
  }
  assert.match(lex.version, /^[0-9a-f]{12}$/);
});

test('every CAMEO root 01-20 has patterns and every gold PLOVER draft type is reachable', () => {
  const lex = loadLexicon();
  const cb = loadCodebook();
  const roots = new Set(lex.entries.map((e) => e.code.slice(0, 2)));
  for (let r = 1; r <= 20; r++) assert.ok(roots.has(String(r).padStart(2, '0')), `root ${r}`);
  const types = new Set(lex.entries.map((e) => cb.get(e.code)?.ploverDraft));
  for (const t of GOLD_TYPES) assert.ok(types.has(t), t);
});

test('every built-in example is matched by its own pattern (wink tokens)', () => {
  const lex = loadLexicon();
  const misses = lex.entries.filter((e) => !firesOn(e, e.example)).map((e) => `${e.file}:${e.line} ${e.id}: "${e.pattern}" / "${e.example}"`);
  assert.deepEqual(misses, [], `${misses.length} examples do not self-match`);
});

test('byTrigger indexes the first required word; entriesFor falls back to surface forms', () => {
  const lex = loadLexicon();
  assert.ok(lex.byTrigger.get('accuse')?.some((e) => e.code === '112'));
  // wink lemmatises "abducted" as "abducted": the surface-form index still finds the abduct patterns
  const abducted = entriesFor(lex, { lemma: 'abducted', norm: 'abducted', pos: 'NOUN' });
  assert.ok(abducted.some((e) => e.code === '181'), 'abducted');
  assert.deepEqual(entriesFor(lex, { lemma: 'zzzz', norm: 'zzzz', pos: 'NOUN' }), []);
});

/** The best match (widest span, then most word tokens) among entries triggered at the first token whose surface is `trigger`. */
function bestAt(lex: ReturnType<typeof loadLexicon>, text: string, trigger: string): PatternEntry | null {
  const toks = tokenize(text);
  const i = toks.findIndex((t) => t.norm === trigger);
  assert.ok(i >= 0, `${trigger} in ${text}`);
  let best: { e: PatternEntry; len: number; words: number } | null = null;
  for (const e of entriesFor(lex, toks[i])) {
    const m = matchAt(e, toks, i, toks.length);
    if (m && (!best || m.end - m.start > best.len || (m.end - m.start === best.len && m.words > best.words))) {
      best = { e, len: m.end - m.start, words: m.words };
    }
  }
  return best?.e ?? null;
}

test('phrases beat the bare verb at the trigger (longest match, then most words)', () => {
  const lex = loadLexicon();
  const cases: Array<[string, string, string]> = [
    ['The council called for an immediate ceasefire in the region.', 'called', '0256'],
    ['Washington imposed new sanctions on Iran.', 'imposed', '163'],
    ['Teachers went on strike over pay.', 'went', '143'],
    ['Kenya recalled its ambassador from Uganda.', 'recalled', '161'],
    ['The rebels agreed to release the hostages.', 'agreed', '0353'],
    ['Police arrested twelve protesters in the capital.', 'arrested', '173'],
    ['The two leaders held talks in Geneva.', 'held', '040'],
    ['Israeli warplanes struck targets in Gaza.', 'warplanes', '195'],
    ['Rebels shelled the northern town.', 'shelled', '194'],
    ['Gunmen kidnapped three aid workers.', 'kidnapped', '181'],
    ['The minister accused the opposition of corruption.', 'accused', '1121'],
    ['Hundreds of prisoners began a hunger strike.', 'began', '142'],
    ['The European Union lifted sanctions against Belarus.', 'lifted', '085'],
    ['The army declared a unilateral ceasefire.', 'declared', '0871'],
    ['The government rejected the peace plan.', 'rejected', '127'],
    ['Moscow threatened to cut gas supplies to Kyiv.', 'threatened', '131'],
    ['The president threatened to impose martial law.', 'threatened', '1324'],
    ['Prosecutors launched an investigation into the bombing.', 'launched', '090'],
    ['The UN sent humanitarian aid to the refugees.', 'sent', '073'],
    ['Morocco severed diplomatic ties with Iran.', 'severed', '161'],
    ['A car bomb exploded near the ministry.', 'car', '1832'],
    ['The authorities imposed a curfew in the city.', 'imposed', '1723'],
    ['The union called off the strike.', 'called', '082'],
    ['The prime minister stepped down on Friday.', 'stepped', '0831'],
    ['Troops opened fire on the protesters.', 'opened', '175'],
    ['The government demanded the release of the journalists.', 'demanded', '1053'],
    ['Workers went on a hunger strike.', 'went', '142'],
    ['The ministry condemned the attack on the embassy.', 'condemned', '111'],
  ];
  const wrong = cases
    .map(([text, trigger, code]) => ({ text, code, got: bestAt(lex, text, trigger) }))
    .filter((c) => c.got?.code !== c.code)
    .map((c) => `${c.text}: want ${c.code}, got ${c.got?.code} (${c.got?.id})`);
  assert.deepEqual(wrong, []);
});

// ---- compiler

test('compilePattern: elements, optional, alternatives, POS, gaps, slots, head', () => {
  const c = compilePattern('(a) ^call for (a|an) (immediate) ceasefire|truce');
  assert.equal(c.elements.length, 6);
  assert.equal(c.headIndex, 1);
  const w = c.elements[3];
  assert.ok(w.kind === 'word' && w.optional && w.lemmas.join() === 'a,an');
  const d = compilePattern('impose * sanction/NOUN on $T');
  assert.equal(d.headIndex, 0);
  assert.deepEqual(d.elements.map((e) => e.kind), ['word', 'gap', 'word', 'word', 'slot']);
  const s = d.elements[2];
  assert.ok(s.kind === 'word' && s.pos === 'NOUN');
  assert.ok(d.elements[1].kind === 'gap' && d.elements[1].max === 3);
});

test('compilePattern: bad syntax throws DYAD_E007 naming the pattern', () => {
  for (const p of ['', '   ', 'accuse (of', '* accuse', 'accuse *', 'Accuse', 'accuse/VRB', '$X accuse', '(maybe)', 'a * * b', '^(a) b', 'a|', '$T $T accuse', '^a ^b']) {
    assert.throws(() => compilePattern(p), (e: unknown) => isDyadError(e) && e.code === 'DYAD_E007' && e.message.includes(`"${p}"`), p);
  }
});

test('inflect covers regular and irregular forms', () => {
  assert.ok(inflect('ban').includes('banned'));
  assert.ok(inflect('rally').includes('rallied'));
  assert.ok(inflect('strike').includes('struck'));
  assert.ok(inflect('stage').includes('staged'));
  assert.ok(inflect('sanction').includes('sanctions'));
});

// ---- matcher on hand-made tokens

test('matchAt: single word, lemma or surface form, and the head', () => {
  const e = entry('accuse');
  const t = toks('France/PROPN accused/accuse/VERB Turkey/PROPN ./PUNCT');
  assert.equal(matchAt(e, t, 0, t.length), null);
  assert.deepEqual(matchAt(e, t, 1, t.length), { start: 1, end: 2, head: 1, slots: {}, words: 1 });
  // lemmatiser slip: surface form matches
  const slip = toks('Gunmen/PROPN accused/accused/NOUN villagers/NOUN');
  assert.ok(matchAt(e, slip, 1, slip.length));
});

test('matchAt: optional elements and alternatives, longest match wins', () => {
  const e = entry('call for (an|a) (immediate) ceasefire|truce');
  const t = toks('They/PRON called/call/VERB for/ADP an/DET immediate/ADJ truce/NOUN ./PUNCT');
  assert.deepEqual(matchAt(e, t, 1, t.length), { start: 1, end: 6, head: 1, slots: {}, words: 5 });
  const t2 = toks('They/PRON called/call/VERB for/ADP a/DET ceasefire/NOUN');
  assert.equal(matchAt(e, t2, 1, t2.length)?.end, 5);
  const t3 = toks('They/PRON called/call/VERB for/ADP talks/talk/NOUN');
  assert.equal(matchAt(e, t3, 1, t3.length), null);
  // leading optional word and explicit head
  const h = entry('(publicly) ^accuse $T');
  const t4 = toks('Paris/PROPN publicly/ADV accused/accuse/VERB Ankara/PROPN');
  assert.deepEqual(matchAt(h, t4, 2, t4.length), { start: 1, end: 4, head: 2, slots: { T: 3 }, words: 2 });
});

test('matchAt: gaps skip up to 3 non-verb tokens and stop at clause punctuation and verbs', () => {
  const e = entry('impose * sanction on');
  const ok = toks('imposed/impose/VERB new/ADJ tough/ADJ economic/ADJ sanctions/sanction/NOUN on/ADP Iran/PROPN');
  assert.equal(matchAt(e, ok, 0, ok.length)?.end, 6);
  const tooFar = toks('imposed/impose/VERB a/DET set/NOUN of/ADP new/ADJ sanctions/sanction/NOUN on/ADP');
  assert.equal(matchAt(e, tooFar, 0, tooFar.length), null);
  const punct = toks('imposed/impose/VERB ,/PUNCT sanctions/sanction/NOUN on/ADP');
  assert.equal(matchAt(e, punct, 0, punct.length), null);
  const verb = toks('imposed/impose/VERB curfews/curfew/NOUN said/say/VERB sanction/NOUN on/ADP');
  assert.equal(matchAt(e, verb, 0, verb.length), null);
  const zero = toks('imposed/impose/VERB sanctions/sanction/NOUN on/ADP');
  assert.equal(matchAt(e, zero, 0, zero.length)?.end, 3);
});

test('matchAt: POS constraints (NOUN also accepts PROPN)', () => {
  const n = entry('attack/NOUN on $T');
  const v = entry('attack/VERB');
  const t = toks('the/DET attack/NOUN on/ADP Kabul/PROPN');
  assert.ok(matchAt(n, t, 1, t.length));
  assert.equal(matchAt(v, t, 1, t.length), null);
  const p = toks('Attacks/attacks/PROPN on/ADP Kabul/PROPN');
  assert.equal(matchAt(n, p, 0, p.length)?.slots.T, 2);
});

test('matchAt: slots consume a noun phrase and bind its first non-determiner token', () => {
  const e = entry('accuse $T of');
  const t = toks("France/PROPN accused/accuse/VERB the/DET Turkish/ADJ army/NOUN 's/PART commander/NOUN of/ADP lying/lie/VERB");
  const m = matchAt(e, t, 1, t.length);
  assert.deepEqual(m, { start: 1, end: 8, head: 1, slots: { T: 3 }, words: 2 });
  // a slot needs a noun-phrase token right there
  const none = toks('accused/accuse/VERB of/ADP lying/lie/VERB');
  assert.equal(matchAt(e, none, 0, none.length), null);
  // at most 6 tokens
  const long = toks('accused/accuse/VERB a/DET b/NOUN c/NOUN d/NOUN e/NOUN f/NOUN g/NOUN of/ADP');
  assert.equal(matchAt(e, long, 0, long.length), null);
  // the match stays inside `end`
  assert.equal(matchAt(e, t, 1, 7), null);
  // a source slot before the trigger is matched backwards
  const s = entry('$S agree with $T');
  const t2 = toks('the/DET Cuban/ADJ government/NOUN agreed/agree/VERB with/ADP Mexico/PROPN ./PUNCT');
  assert.deepEqual(matchAt(s, t2, 3, t2.length), { start: 0, end: 6, head: 3, slots: { S: 1, T: 5 }, words: 2 });
});

// ---- loader

test('a user file adds patterns and overrides built-in ids', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dyad-lex-'));
  try {
    const builtin = loadLexicon();
    const victim = builtin.entries[0];
    const f = join(tmp, 'mine.jsonl');
    writeFileSync(f, [
      '# my patterns',
      JSON.stringify({ id: 'zz-slap-tariff', code: '163', pattern: 'slap * tariff|tariffs on $T', example: 'Washington slapped new tariffs on Chinese steel.' }),
      '',
      JSON.stringify({ id: victim.id, code: '010', pattern: 'zzword', example: 'They zzword.', target: 'none' }),
    ].join('\n'));
    const lex = loadLexicon({ extraFiles: [f] });
    assert.equal(lex.entries.length, builtin.entries.length + 1);
    const added = lex.entries.find((e) => e.id === 'zz-slap-tariff');
    assert.ok(added && added.file === f && added.line === 2);
    assert.ok(firesOn(added, added.example));
    const over = lex.entries.find((e) => e.id === victim.id);
    assert.equal(over?.pattern, 'zzword');
    assert.equal(over?.target, 'none');
    assert.ok(lex.byTrigger.get('zzword'));
    assert.notEqual(lex.version, builtin.version);
    // the cached built-in lexicon is untouched
    assert.equal(loadLexicon().entries.find((e) => e.id === victim.id)?.pattern, victim.pattern);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test('malformed lines give DYAD_E007 with file and line', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'dyad-lex-'));
  try {
    const cases: Array<[string, RegExp]> = [
      ['{"id":"a-b","code":"112","pattern":"accuse"', /not valid JSON/],
      ['{"id":"a-b","code":"999","pattern":"accuse","example":"x"}', /unknown CAMEO code/],
      ['{"id":"a-b","code":"112","pattern":"","example":"x"}', /empty pattern/],
      ['{"id":"a-b","code":"112","pattern":"accuse (","example":"x"}', /bad pattern "accuse \("/],
      ['{"id":"A B","code":"112","pattern":"accuse","example":"x"}', /kebab-case/],
      ['{"id":"a-b","code":"112","pattern":"accuse","example":"x","target":"them"}', /target/],
      ['{"id":"a-b","code":"112","pattern":"accuse","example":"x","colour":"red"}', /unknown field/],
      ['{"id":"a-b","code":"112","pattern":"accuse","example":"x"}\n{"id":"a-b","code":"111","pattern":"condemn","example":"x"}', /duplicate id "a-b"/],
    ];
    for (const [text, re] of cases) {
      const f = join(tmp, 'bad.jsonl');
      writeFileSync(f, '\n' + text + '\n');
      assert.throws(() => loadLexicon({ extraFiles: [f] }), (e: unknown) => {
        return isDyadError(e) && e.code === 'DYAD_E007' && e.message.startsWith(`${f}:`) && re.test(e.message);
      }, text);
    }
    assert.throws(() => loadLexicon({ extraFiles: [join(tmp, 'missing.jsonl')] }), (e: unknown) => isDyadError(e) && e.code === 'DYAD_E001');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
