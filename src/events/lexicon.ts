/**
 * The verb/noun pattern lexicon of the event coder: data/lexicon/*.jsonl (one pattern record a line)
 * plus user files, compiled into token matchers.
 *
 * Pattern syntax (docs/lexicon.md): space-separated elements, each matched against one token.
 *   accuse              a lemma
 *   sanction|embargo    alternatives
 *   (publicly)          optional element (also `(a|an)`, `(attack/VERB)`)
 *   attack/VERB         POS constraint (universal tags; NOUN also accepts PROPN)
 *   *                   a gap of 0-3 tokens that are not verbs/auxiliaries and not clause punctuation (hyphens are free)
 *   $T / $S             where the target / source actor phrase stands (a noun phrase of 1-6 tokens)
 *   ^call               marks the head (default: the first non-optional word element)
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TABLE_DIR, readTable, sourcePath, warnStale, writeTable } from '../build/table.js';
import { DyadError } from '../model/errors.js';
import { CODEBOOK_PATH, hasCode } from './codebook.js';

export type Element =
  | {
      kind: 'word';
      lemmas: string[];
      pos: string | null;
      optional: boolean;
      head: boolean;
      /** Inflected surface forms of the lemmas (lower case): matched against a token's `norm` so that lemmatiser slips ("abducted", "staged" -> "stag") still match. */
      forms: ReadonlySet<string>;
    }
  | { kind: 'gap'; max: number }
  | { kind: 'slot'; slot: 'S' | 'T' };

export type TargetRule = 'object' | 'none' | 'source-is-target';

export interface PatternEntry {
  id: string;
  code: string;
  pattern: string;
  example: string;
  target: TargetRule;
  /** False when the pattern must not be read as passive. */
  passive: boolean;
  note?: string;
  elements: Element[];
  /** The file the entry comes from (built-in: `data/lexicon/<name>.jsonl`) and its 1-based line. */
  file: string;
  line: number;
  /** Index into elements of the head (the token whose tense/negation the coder checks). */
  headIndex: number;
  /** Index into elements of the anchor: the first non-optional word element (the one `byTrigger` indexes and `matchAt`'s `i` points at). */
  anchorIndex: number;
  /** How many tokens elements before the anchor may span at most (0 for most patterns). */
  lookBehind: number;
}

export interface Lexicon {
  entries: PatternEntry[];
  /** Short hash of the loaded files' contents. */
  version: string;
  /** Entries indexed by every lemma their FIRST non-optional word element can take. */
  byTrigger: Map<string, PatternEntry[]>;
  /** Entries indexed by every inflected surface form of that element (fallback when the lemmatiser slips). */
  byForm: Map<string, PatternEntry[]>;
}

export interface MatchToken {
  lemma: string;
  norm: string;
  pos: string;
}

export interface Match {
  /** First token of the match (inclusive). */
  start: number;
  /** Token after the match (exclusive). */
  end: number;
  /** Token of the head element. */
  head: number;
  /** Token indices bound to slots: the first token of the phrase that is not a determiner. */
  slots: { S?: number; T?: number };
  /** Tokens matched by word elements (not gaps or slots): breaks ties between matches of equal span, the higher the more specific. */
  words: number;
}

/** Default width of `*`. */
export const GAP_MAX = 3;
/** Longest noun phrase a slot consumes. */
export const SLOT_MAX = 6;
/** Compile error past this many expansions of one pattern (STYLE.md point 7). */
export const EXPANSION_CAP = 4096;

const POS_TAGS = new Set([
  'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X',
]);
const WORD_RE = /^[\p{L}\p{N}][\p{L}\p{N}'.\-&]*$|^'s$|^-$|^'$/u;

// ---------------------------------------------------------------------------------------------
// Inflection (so that lemmatiser slips still match)

const IRREGULAR: Record<string, string[]> = {
  be: ['is', 'are', 'was', 'were', 'been', 'being', 'am'],
  have: ['has', 'had', 'having'],
  do: ['does', 'did', 'done', 'doing'],
  arise: ['arose', 'arisen'], bear: ['bore', 'borne'], beat: ['beaten'], become: ['became'], begin: ['began', 'begun'],
  bid: ['bade'], bind: ['bound'], bite: ['bit', 'bitten'], bleed: ['bled'], blow: ['blew', 'blown'], break: ['broke', 'broken'],
  bring: ['brought'], build: ['built'], burn: ['burnt'], buy: ['bought'], catch: ['caught'], choose: ['chose', 'chosen'],
  come: ['came'], cut: [], deal: ['dealt'], draw: ['drew', 'drawn'], drive: ['drove', 'driven'], eat: ['ate', 'eaten'],
  fall: ['fell', 'fallen'], feed: ['fed'], feel: ['felt'], fight: ['fought'], find: ['found'], flee: ['fled'],
  fly: ['flew', 'flown'], forbid: ['forbade', 'forbidden'], forgive: ['forgave', 'forgiven'], forsake: ['forsook', 'forsaken'],
  freeze: ['froze', 'frozen'], unfreeze: ['unfroze', 'unfrozen'], get: ['got', 'gotten'], give: ['gave', 'given'], go: ['went', 'gone', 'goes'], grow: ['grew', 'grown'],
  hang: ['hung'], hear: ['heard'], hide: ['hid', 'hidden'], hit: [], hold: ['held'], hurt: [], keep: ['kept'], know: ['knew', 'known'],
  lay: ['laid'], lead: ['led'], leave: ['left'], lend: ['lent'], let: [], lie: ['lay', 'lain'], light: ['lit'], lose: ['lost'],
  make: ['made'], mean: ['meant'], meet: ['met'], mislead: ['misled'], overcome: ['overcame'], overrun: ['overran'],
  oversee: ['oversaw', 'overseen'], overtake: ['overtook', 'overtaken'], overthrow: ['overthrew', 'overthrown'], pay: ['paid'],
  put: [], quit: [], rebuild: ['rebuilt'], repay: ['repaid'], ride: ['rode', 'ridden'], rise: ['rose', 'risen'], run: ['ran'],
  say: ['said'], see: ['saw', 'seen'], seek: ['sought'], sell: ['sold'], send: ['sent'], set: [], shake: ['shook', 'shaken'],
  shed: [], shoot: ['shot'], shut: [], sink: ['sank', 'sunk'], slay: ['slew', 'slain'], speak: ['spoke', 'spoken'],
  spend: ['spent'], split: [], spread: [], stand: ['stood'], steal: ['stole', 'stolen'], stick: ['stuck'], strike: ['struck', 'stricken'],
  strive: ['strove', 'striven'], swear: ['swore', 'sworn'], sweep: ['swept'], take: ['took', 'taken'], teach: ['taught'],
  tear: ['tore', 'torn'], tell: ['told'], think: ['thought'], throw: ['threw', 'thrown'], undergo: ['underwent', 'undergone'],
  understand: ['understood'], undertake: ['undertook', 'undertaken'], uphold: ['upheld'], upset: [], wage: [], wake: ['woke', 'woken'],
  weep: ['wept'], win: ['won'], withdraw: ['withdrew', 'withdrawn'], withhold: ['withheld'], write: ['wrote', 'written'],
  child: ['children'], man: ['men'], woman: ['women'], person: ['people'],
};

const VOWEL = /[aeiou]/;
/** Function words are matched as they stand. */
const UNINFLECTED = new Set([
  'a', 'an', 'the', 'to', 'of', 'on', 'in', 'for', 'with', 'at', 'by', 'from', 'into', 'onto', 'over', 'about', 'upon',
  'and', 'or', 'as', 'up', 'down', 'out', 'off', 'back', 'away', 'that', 'not', 'no', 'than', 'between', 'against',
  'under', 'after', 'before', 'during', 'its', 'their', 'his', 'her', 'all', 'any', 'will', 'would', 'must', 'may',
]);
const inflectCache = new Map<string, string[]>();

/** Regular (and listed irregular) inflections of a lemma: plural/3sg, past, participles. Over-generation is harmless. */
export function inflect(lemma: string): string[] {
  let forms = inflectCache.get(lemma);
  if (forms === undefined) {
    forms = UNINFLECTED.has(lemma) ? [lemma] : inflectUncached(lemma);
    inflectCache.set(lemma, forms);
  }
  return forms;
}

function inflectUncached(lemma: string): string[] {
  const out = new Set<string>([lemma]);
  for (const f of IRREGULAR[lemma] ?? []) out.add(f);
  if (!/^[a-z][a-z-]*$/.test(lemma) || lemma.length < 2) return [...out];
  const last = lemma[lemma.length - 1];
  const prev = lemma[lemma.length - 2];
  // -s / -es / -ies
  if (/(s|x|z|ch|sh|o)$/.test(lemma)) out.add(lemma + 'es');
  else if (last === 'y' && !VOWEL.test(prev)) out.add(lemma.slice(0, -1) + 'ies');
  else out.add(lemma + 's');
  // -ed / -ing
  if (last === 'e') {
    out.add(lemma + 'd');
    out.add((lemma.endsWith('ee') ? lemma : lemma.slice(0, -1)) + 'ing');
  } else if (last === 'y' && !VOWEL.test(prev)) {
    out.add(lemma.slice(0, -1) + 'ied');
    out.add(lemma + 'ing');
  } else {
    out.add(lemma + 'ed');
    out.add(lemma + 'ing');
    // consonant doubling: ban -> banned, stop -> stopping, (also "targeted" stays regular: both forms added)
    if (/[^aeiou][aeiou][bdgklmnprtv]$/.test(lemma) && !/(w|x|y)$/.test(lemma)) {
      out.add(lemma + last + 'ed');
      out.add(lemma + last + 'ing');
    }
  }
  return [...out];
}

// ---------------------------------------------------------------------------------------------
// Compiler

function bad(pattern: string, why: string): never {
  throw new DyadError('DYAD_E007', `bad pattern "${pattern}": ${why}`);
}

/** Compile pattern text into elements; throws DYAD_E007 naming the pattern on bad syntax. */
export function compilePattern(pattern: string): { elements: Element[]; headIndex: number } {
  const c = compileFull(pattern);
  return { elements: c.elements, headIndex: c.headIndex };
}

function compileFull(pattern: string): { elements: Element[]; headIndex: number; anchorIndex: number; lookBehind: number } {
  if (typeof pattern !== 'string' || pattern.trim() === '') bad(String(pattern), 'empty pattern');
  const parts = pattern.trim().split(/\s+/);
  const elements: Element[] = [];
  let explicitHead = -1;
  let expansions = 1;
  const slotsSeen = new Set<string>();
  for (const raw of parts) {
    let p = raw;
    if (p === '*') {
      const max = GAP_MAX;
      if (elements.length === 0) bad(pattern, 'a gap `*` cannot start a pattern');
      if (elements[elements.length - 1].kind === 'gap') bad(pattern, 'two gaps in a row');
      elements.push({ kind: 'gap', max });
      expansions *= max + 1;
      continue;
    }
    if (p.startsWith('$')) {
      if (p !== '$T' && p !== '$S') bad(pattern, `unknown slot "${p}" (use $T or $S)`);
      const slot = p[1] as 'S' | 'T';
      if (slotsSeen.has(slot)) bad(pattern, `slot ${p} appears twice`);
      slotsSeen.add(slot);
      elements.push({ kind: 'slot', slot });
      continue;
    }
    let head = false;
    if (p.startsWith('^')) {
      head = true;
      p = p.slice(1);
    }
    let optional = false;
    if (p.startsWith('(') || p.endsWith(')')) {
      if (!(p.startsWith('(') && p.endsWith(')')) || p.length < 3) bad(pattern, `unbalanced parentheses in "${raw}"`);
      optional = true;
      p = p.slice(1, -1);
      if (p.startsWith('^')) bad(pattern, 'the head `^` cannot be optional');
    }
    if (head && optional) bad(pattern, 'the head `^` cannot be optional');
    let pos: string | null = null;
    const slash = p.lastIndexOf('/');
    if (slash > 0) {
      pos = p.slice(slash + 1);
      p = p.slice(0, slash);
      if (!POS_TAGS.has(pos)) bad(pattern, `unknown POS tag "${pos}" in "${raw}"`);
    }
    const lemmas = p.split('|');
    for (const l of lemmas) {
      if (l === '') bad(pattern, `empty alternative in "${raw}"`);
      if (l !== l.toLowerCase()) bad(pattern, `"${l}" is not lower case (patterns match lemmas)`);
      if (!WORD_RE.test(l)) bad(pattern, `"${l}" is not a word`);
    }
    if (new Set(lemmas).size !== lemmas.length) bad(pattern, `repeated alternative in "${raw}"`);
    const forms = new Set<string>();
    for (const l of lemmas) for (const f of inflect(l)) forms.add(f);
    elements.push({ kind: 'word', lemmas, pos, optional, head, forms });
    expansions *= lemmas.length + (optional ? 1 : 0);
    if (head) {
      if (explicitHead >= 0) bad(pattern, 'more than one head `^`');
      explicitHead = elements.length - 1;
    }
  }
  if (elements[elements.length - 1].kind === 'gap') bad(pattern, 'a gap `*` cannot end a pattern');
  const anchorIndex = elements.findIndex((e) => e.kind === 'word' && !e.optional);
  if (anchorIndex < 0) bad(pattern, 'no required word (a pattern needs at least one non-optional word)');
  if (expansions > EXPANSION_CAP) bad(pattern, `expands to ${expansions} variants (cap ${EXPANSION_CAP})`);
  const headIndex = explicitHead >= 0 ? explicitHead : anchorIndex;
  const anchor = elements[anchorIndex];
  if (anchor.kind === 'word' && headIndex === anchorIndex) anchor.head = true;
  let lookBehind = 0;
  for (let k = 0; k < anchorIndex; k++) {
    const e = elements[k];
    lookBehind += e.kind === 'gap' ? e.max : e.kind === 'slot' ? SLOT_MAX : 1;
  }
  return { elements, headIndex, anchorIndex, lookBehind };
}

// ---------------------------------------------------------------------------------------------
// Matcher. Allocation-light: a depth-first walk over elements with module-level scratch state;
// the only allocation is the result object of a successful match.

const CLAUSE_PUNCT = new Set([',', ';', ':', '.', '!', '?', '—', '–', '--', '(', ')', '"', '“', '”']);

const NO_TOKENS: MatchToken[] = [];
let mTokens: MatchToken[] = NO_TOKENS;
let mElems: Element[] = [];
let mEnd = 0;
let mAnchor = 0;
let mAnchorTok = 0;
let mStart = 0;
let curHead = -1;
let curS = -1;
let curT = -1;
let curWords = 0;
let bestLen = -1;
let bestStart = -1;
let bestEnd = -1;
let bestHead = -1;
let bestS = -1;
let bestT = -1;
let bestWords = 0;

function wordMatches(el: Element & { kind: 'word' }, tok: MatchToken): boolean {
  if (el.pos !== null) {
    const p = tok.pos;
    if (p !== el.pos && !(el.pos === 'NOUN' && p === 'PROPN')) return false;
  }
  // `forms` holds the lemmas and their inflections: one or two hash look-ups
  const forms = el.forms;
  return forms.has(tok.lemma) || (tok.norm !== tok.lemma && forms.has(tok.norm));
}

function isGapToken(tok: MatchToken): boolean {
  if (tok.pos === 'VERB' || tok.pos === 'AUX') return false;
  if (tok.pos === 'PUNCT' && CLAUSE_PUNCT.has(tok.norm)) return false;
  return true;
}

function isPhraseToken(tok: MatchToken): boolean {
  switch (tok.pos) {
    case 'PROPN':
    case 'NOUN':
    case 'ADJ':
    case 'DET':
    case 'NUM':
    case 'PRON':
      return true;
    default:
      return tok.norm === "'s" || tok.norm === "'";
  }
}

function walk(e: number, t: number): void {
  if (e === mElems.length) {
    const len = t - mStart;
    if (len > bestLen || (len === bestLen && curWords > bestWords)) {
      bestLen = len;
      bestStart = mStart;
      bestEnd = t;
      bestHead = curHead;
      bestS = curS;
      bestT = curT;
      bestWords = curWords;
    }
    return;
  }
  if (e === mAnchor && t !== mAnchorTok) return;
  if (e < mAnchor && t > mAnchorTok) return;
  const el = mElems[e];
  if (el.kind === 'word') {
    if (t < mEnd && wordMatches(el, mTokens[t])) {
      const savedHead = curHead;
      if (el.head) curHead = t;
      curWords++;
      walk(e + 1, t + 1);
      curWords--;
      curHead = savedHead;
    }
    if (el.optional) walk(e + 1, t);
    return;
  }
  if (el.kind === 'gap') {
    walk(e + 1, t);
    // hyphens do not count towards the width ("a four - day strike" is a gap of 2 words)
    for (let k = 0, used = 0; used < el.max && t + k < mEnd; k++) {
      const tok = mTokens[t + k];
      if (!isGapToken(tok)) break;
      if (tok.norm !== '-') used++;
      walk(e + 1, t + k + 1);
    }
    return;
  }
  // slot: a noun phrase of 1..SLOT_MAX phrase tokens with at least one non-determiner; longest first
  let n = 0;
  while (n < SLOT_MAX && t + n < mEnd && isPhraseToken(mTokens[t + n])) n++;
  let bind = -1;
  for (let k = 0; k < n; k++) {
    if (mTokens[t + k].pos !== 'DET') {
      bind = t + k;
      break;
    }
  }
  if (bind < 0) return;
  const saved = el.slot === 'S' ? curS : curT;
  if (el.slot === 'S') curS = bind;
  else curT = bind;
  for (let len = n; len >= 1 && t + len > bind; len--) walk(e + 1, t + len);
  if (el.slot === 'S') curS = saved;
  else curT = saved;
}

/**
 * The longest match (ties: the most word tokens) of one entry whose anchor (first non-optional word element) stands at token `i`.
 * Elements before the anchor (optional words, `$S`) are matched backwards from `i`; `end` bounds the
 * match (exclusive: usually the sentence end). Returns the token span, the head token and slot bindings.
 */
export function matchAt(entry: PatternEntry, tokens: MatchToken[], i: number, end: number): Match | null {
  if (i < 0 || i >= end || i >= tokens.length) return null;
  const anchor = entry.elements[entry.anchorIndex];
  if (anchor.kind !== 'word' || !wordMatches(anchor, tokens[i])) return null;
  mTokens = tokens;
  mElems = entry.elements;
  mEnd = Math.min(end, tokens.length);
  mAnchor = entry.anchorIndex;
  mAnchorTok = i;
  bestLen = -1;
  bestWords = 0;
  const from = Math.max(0, i - entry.lookBehind);
  for (let s = from; s <= i; s++) {
    mStart = s;
    curHead = -1;
    curS = -1;
    curT = -1;
    curWords = 0;
    walk(0, s);
  }
  mTokens = NO_TOKENS;
  if (bestLen < 0) return null;
  const slots: { S?: number; T?: number } = {};
  if (bestS >= 0) slots.S = bestS;
  if (bestT >= 0) slots.T = bestT;
  return { start: bestStart, end: bestEnd, head: bestHead, slots, words: bestWords };
}

const NO_ENTRIES: PatternEntry[] = [];
/** The entries whose trigger may stand at this token: by lemma, else by surface form (lemmatiser slips). */
export function entriesFor(lex: Lexicon, tok: MatchToken): PatternEntry[] {
  return lex.byTrigger.get(tok.lemma) ?? lex.byForm.get(tok.norm) ?? NO_ENTRIES;
}

// ---------------------------------------------------------------------------------------------
// Loader

/** data/lexicon relative to the package root (this file sits in src/events or dist/events). */
export const LEXICON_DIR = fileURLToPath(new URL('../../data/lexicon/', import.meta.url));

const ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const KNOWN_FIELDS = new Set(['id', 'code', 'pattern', 'example', 'target', 'passive', 'note']);

function fail(where: string, why: string): never {
  throw new DyadError('DYAD_E007', `${where}: ${why}`);
}

function parseLine(text: string, file: string, line: number): PatternEntry {
  const where = `${file}:${line}`;
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    fail(where, `not valid JSON (${(e as Error).message})`);
  }
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) fail(where, 'a line must be a JSON object');
  for (const k of Object.keys(rec)) if (!KNOWN_FIELDS.has(k)) fail(where, `unknown field "${k}"`);
  const { id, code, pattern, example } = rec;
  if (typeof id !== 'string' || !ID_RE.test(id)) fail(where, `"id" must be a kebab-case string (got ${JSON.stringify(id)})`);
  if (typeof code !== 'string' || !hasCode(code)) fail(where, `unknown CAMEO code ${JSON.stringify(code)} (id ${id})`);
  if (typeof pattern !== 'string' || pattern.trim() === '') fail(where, `empty pattern (id ${id})`);
  if (typeof example !== 'string' || example.trim() === '') fail(where, `"example" must be a non-empty sentence (id ${id})`);
  const target = rec.target ?? 'object';
  if (target !== 'object' && target !== 'none' && target !== 'source-is-target') {
    fail(where, `"target" must be "object", "none" or "source-is-target" (id ${id})`);
  }
  const passive = rec.passive ?? true;
  if (typeof passive !== 'boolean') fail(where, `"passive" must be true or false (id ${id})`);
  if (rec.note !== undefined && typeof rec.note !== 'string') fail(where, `"note" must be a string (id ${id})`);
  let compiled: ReturnType<typeof compileFull>;
  try {
    compiled = compileFull(pattern);
  } catch (e) {
    fail(where, (e as Error).message);
  }
  const entry: PatternEntry = {
    id,
    code,
    pattern,
    example,
    target,
    passive,
    elements: compiled.elements,
    file,
    line,
    headIndex: compiled.headIndex,
    anchorIndex: compiled.anchorIndex,
    lookBehind: compiled.lookBehind,
  };
  if (typeof rec.note === 'string') entry.note = rec.note;
  return entry;
}

/** Parse one JSONL file's text. Blank lines and lines starting with `#` or `//` are skipped. */
export function parseLexiconText(text: string, file: string): PatternEntry[] {
  const out: PatternEntry[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (let k = 0; k < lines.length; k++) {
    const s = lines[k].trim();
    if (s === '' || s.startsWith('#') || s.startsWith('//')) continue;
    const e = parseLine(s, file, k + 1);
    if (seen.has(e.id)) fail(`${file}:${k + 1}`, `duplicate id "${e.id}" in this file`);
    seen.add(e.id);
    out.push(e);
  }
  return out;
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DyadError('DYAD_E001', `${path}: lexicon file not found`);
    throw new DyadError('DYAD_E008', `${path}: lexicon file could not be read (${code ?? (e as Error).message})`);
  }
}

let builtinCache: Lexicon | null = null;
let builtinParsed: { entries: PatternEntry[]; digest: string } | null = null;

/** The built-in files in load order (sorted names). */
function builtinNames(): string[] {
  try {
    return readdirSync(LEXICON_DIR).filter((n) => n.endsWith('.jsonl')).sort();
  } catch {
    throw new DyadError('DYAD_E007', `${LEXICON_DIR}: the built-in lexicon folder could not be read`);
  }
}

/** Parse and check the built-in files (the slow path: start-up reads the compiled table). */
export function parseBuiltinEntries(): { entries: PatternEntry[]; digest: string } {
  const hash = createHash('sha1');
  const entries: PatternEntry[] = [];
  const byId = new Map<string, PatternEntry>();
  for (const name of builtinNames()) {
    const text = readText(join(LEXICON_DIR, name));
    hash.update(name).update('\0').update(text).update('\0');
    for (const e of parseLexiconText(text, `data/lexicon/${name}`)) {
      const p = byId.get(e.id);
      if (p !== undefined) fail(`${e.file}:${e.line}`, `duplicate id "${e.id}" (first at ${p.file}:${p.line})`);
      byId.set(e.id, e);
      entries.push(e);
    }
  }
  return { entries, digest: hash.digest('hex') };
}

// ---------------------------------------------------------------------------------------------
// Compiled table (dist/tables/lexicon.table, written by `npm run build`): the parsed entries as
// JSON (inflected forms as arrays), so start-up skips parsing, checking and inflecting patterns.

export const LEXICON_TABLE = join(TABLE_DIR, 'lexicon.table');

/** The table's sources: the built-in files, the codebook they are checked against, and the compiling modules. */
export function lexiconTableSources(): string[] {
  const rel = sourcePath;
  return [
    ...builtinNames().map((n) => rel(join(LEXICON_DIR, n))),
    rel(CODEBOOK_PATH),
    rel(fileURLToPath(import.meta.url)),
    rel(fileURLToPath(new URL('./codebook.js', import.meta.url))),
  ];
}

/** Compile the built-in lexicon into its table (the build step). Returns the number of entries. */
export function buildLexiconTable(file = LEXICON_TABLE): number {
  const { entries, digest } = parseBuiltinEntries();
  const json = JSON.stringify(entries, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<string>)] : v));
  writeTable(file, 'lexicon', lexiconTableSources(), { digest }, { entries: Buffer.from(json, 'utf8') });
  return entries.length;
}

/** The built-in entries from a compiled table, or null (with a warning) when it is stale. */
export function readLexiconTable(file: string): { entries: PatternEntry[]; digest: string } | null {
  const read = readTable<{ digest: string }>(file, 'lexicon', lexiconTableSources());
  if (!read.ok) {
    warnStale('lexicon', read.why);
    return null;
  }
  const entries = JSON.parse(new TextDecoder().decode(read.table.u8('entries'))) as PatternEntry[];
  for (const e of entries) {
    for (const el of e.elements) if (el.kind === 'word') el.forms = new Set(el.forms as unknown as string[]);
  }
  return { entries, digest: read.table.head.digest };
}

function loadBuiltinEntries(): { entries: PatternEntry[]; digest: string } {
  builtinParsed ??= readLexiconTable(LEXICON_TABLE) ?? parseBuiltinEntries();
  return builtinParsed;
}

function indexEntries(entries: PatternEntry[], version: string): Lexicon {
  const byTrigger = new Map<string, PatternEntry[]>();
  const byForm = new Map<string, PatternEntry[]>();
  const add = (m: Map<string, PatternEntry[]>, k: string, e: PatternEntry) => {
    const list = m.get(k);
    if (list === undefined) m.set(k, [e]);
    else if (list[list.length - 1] !== e) list.push(e);
  };
  for (const e of entries) {
    const a = e.elements[e.anchorIndex];
    if (a.kind !== 'word') continue;
    for (const l of a.lemmas) add(byTrigger, l, e);
    for (const f of a.forms) add(byForm, f, e);
  }
  return { entries, version, byTrigger, byForm };
}

/**
 * Load the built-in lexicon (data/lexicon/*.jsonl) plus user files. A user entry whose id exists
 * replaces that entry; a duplicate id among built-in files, or within one user file, is an error.
 * The built-ins come from the compiled table when it is fresh (else from the files, with a warning),
 * once per process; `version` hashes the contents of everything loaded.
 */
export function loadLexicon(opts: { extraFiles?: string[] } = {}): Lexicon {
  const extra = opts.extraFiles ?? [];
  if (extra.length === 0 && builtinCache) return builtinCache;
  const builtin = loadBuiltinEntries();
  if (extra.length === 0) {
    builtinCache = indexEntries(builtin.entries, builtin.digest.slice(0, 12));
    return builtinCache;
  }
  const entries = builtin.entries.slice();
  const byId = new Map<string, number>();
  entries.forEach((e, k) => byId.set(e.id, k));
  const hash = createHash('sha1').update(builtin.digest);
  for (const path of extra) {
    const text = readText(path);
    hash.update('\0').update(text);
    for (const e of parseLexiconText(text, path)) {
      const prev = byId.get(e.id);
      if (prev !== undefined) entries[prev] = e;
      else {
        byId.set(e.id, entries.length);
        entries.push(e);
      }
    }
  }
  return indexEntries(entries, hash.digest('hex').slice(0, 12));
}
