/**
 * actors.match: dictionary pieces (names, role words) found by longest match over the token trie,
 * then composed into actor mentions by rules:
 *   country-modifier + role           "French Foreign Minister", "Turkish police", "Armenia's army"
 *   modifier and modifier + role       "Hungarian and Romanian officials"
 *   role + of + country                "the president of Azerbaijan"
 *   person-role + name                 "Foreign Minister Jean-Yves Le Drian", "President Ilham Aliyev"
 *   person / alias / org / seat / capital / country on their own.
 * Each entity records the rule that made it.
 */
import type { ActorMention, Doc, EntityType, Office, Token } from '../model/document.js';
import type { Resources } from '../resources.js';
import { officeAt } from './dictionary.js';
import type { CountryRecord, RoleRecord } from './dictionary.js';
import type { ActorRuleId } from './rules.js';
import { isJoiner, tokenKey, SEP, type ActorEntry, type ActorEntryKind, type PhraseTable, type TrieNode } from './lexicon.js';

export interface Piece {
  kind: ActorEntryKind;
  entry: ActorEntry;
  /** Token range [start, end). */
  start: number;
  end: number;
}

const KIND_PRIORITY: ActorEntryKind[] = ['org', 'country', 'seat', 'person', 'capital', 'demonym', 'adjective', 'alias', 'role'];

/** Generic words that stay lower case inside a name ("the Minsk group", "the ruling party"). */
const GENERIC_NAME_WORDS = new Set(['group', 'party', 'movement', 'front', 'council', 'alliance', 'union', 'organisation', 'organization', 'army', 'forces', 'brigade', 'brigades', 'committee', 'court', 'league', 'bank', 'fund', 'agency', 'commission', 'coalition', 'assembly', 'ministry', 'government', 'state', 'republic', 'islands', 'island', 'kingdom', 'emirates']);

function startsLower(s: string): boolean {
  const c = s.charAt(0);
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

/** Longest name match from token i; names need capitals except connectors and generic words. */
function walkNames(table: PhraseTable, tokens: readonly Token[], i: number, end: number, connectors: Set<string>): { end: number; entries: ActorEntry[] } | null {
  let j = i;
  let key = '';
  let best: { end: number; entries: ActorEntry[] } | null = null;
  while (j < end) {
    const tok = tokens[j]!;
    if (j > i && isJoiner(tok.text) && j + 1 < end) {
      j++;
      continue;
    }
    const k = tokenKey(tok.text);
    if (startsLower(tok.text) && !connectors.has(k) && k !== "'s" && !(j > i && GENERIC_NAME_WORDS.has(k))) return best;
    key = j === i ? k : key + SEP + k;
    j++;
    const hit = table.entries.get(key);
    if (hit) best = { end: j, entries: hit };
    if (!table.prefixes.has(key)) break;
  }
  return best;
}

/** Longest match of a trie from token i (role words, by lemma or surface). */
function walk(trie: TrieNode, tokens: readonly Token[], i: number, end: number, byLemma: boolean, connectors: Set<string>): { end: number; entries: ActorEntry[] } | null {
  let node: TrieNode | undefined = trie;
  let j = i;
  let best: { end: number; entries: ActorEntry[] } | null = null;
  while (j < end && node) {
    const tok = tokens[j]!;
    if (j > i && isJoiner(tok.text) && j + 1 < end) {
      j++;
      continue;
    }
    const key = tokenKey(tok.text);
    let nextNode: TrieNode | undefined;
    if (byLemma) {
      nextNode = node.next.get(key) ?? node.next.get(tokenKey(tok.lemma));
    } else {
      if (startsLower(tok.text) && !connectors.has(key) && key !== "'s" && !(j > i && GENERIC_NAME_WORDS.has(key))) return best;
      nextNode = node.next.get(key);
    }
    if (!nextNode) break;
    node = nextNode;
    j++;
    if (node.entries && node.entries.length > 0) best = { end: j, entries: node.entries };
  }
  return best;
}

/** Dictionary pieces of one sentence, left to right, longest first. */
export function findPieces(doc: Doc, s: number, res: Pick<Resources, 'actors'>): Piece[] {
  const lex = res.actors;
  const { start: t0, end: t1 } = doc.layers.sentences[s]!.range;
  const tokens = doc.layers.tokens;
  const out: Piece[] = [];
  let i = t0;
  while (i < t1) {
    const tok = tokens[i]!;
    if (tok.pos === 'PUNCT' && !/^[A-Z]/.test(tok.text)) {
      i++;
      continue;
    }
    const byName = walkNames(lex.names, tokens, i, t1, lex.connectors);
    const byRole = walk(lex.roles, tokens, i, t1, true, lex.connectors);
    let chosen: { end: number; entries: ActorEntry[] } | null = null;
    // A name wins a tie with a role word unless it is only someone's surname ("President").
    const nameIsAlias = byName !== null && pickEntry(byName.entries, doc.meta.date).kind === 'alias';
    if (byName && (!byRole || byName.end > byRole.end || (byName.end === byRole.end && !nameIsAlias))) chosen = byName;
    else if (byRole) chosen = byRole;
    // A name that is only a connector or lower-case word cannot start a match.
    if (chosen && chosen === byName && startsLower(tok.text)) chosen = byRole;
    // Role words are nouns: "forced" is not "force", "led" is not "lead".
    if (chosen && chosen === byRole && tokens[chosen.end - 1]!.pos === 'VERB') chosen = null;
    if (!chosen) {
      i++;
      continue;
    }
    const entry = pickEntry(chosen.entries, doc.meta.date);
    out.push({ kind: entry.kind, entry, start: i, end: chosen.end });
    i = chosen.end;
  }
  return out;
}

/**
 * Among entries sharing a name: the kind priority first; between people, the curated file
 * (ids without the "p-" prefix of the PETRARCH conversion) before the rest, then one in office at
 * the article's date, then the most recent office.
 */
function pickEntry(entries: ActorEntry[], date: string | null): ActorEntry {
  if (entries.length === 1) return entries[0]!;
  let best = entries[0]!;
  let bestScore = entryScore(best, date);
  for (const e of entries) {
    const sc = entryScore(e, date);
    if (sc > bestScore) {
      best = e;
      bestScore = sc;
    }
  }
  return best;
}

function entryScore(e: ActorEntry, date: string | null): number {
  let score = (KIND_PRIORITY.length - KIND_PRIORITY.indexOf(e.kind)) * 1e9;
  const p = e.person;
  if (p) {
    if (!p.id.startsWith('p-')) score += 4e8;
    if (date !== null && officeAt(p, date) !== null) score += 2e8;
    const last = p.offices.reduce((m, o) => Math.max(m, Number((o.until ?? '2100-01-01').slice(0, 4))), 0);
    score += last;
  }
  return score;
}

const COUNTRYISH: ReadonlySet<ActorEntryKind> = new Set(['adjective', 'country', 'demonym', 'capital']);
const MODIFIER_GAP_POS = new Set(['ADJ', 'NOUN', 'PROPN']);
const MODIFIER_ROLE_RULE = { adjective: 'adjective-role', country: 'country-role', demonym: 'demonym-role' } as const satisfies Record<string, ActorRuleId>;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'around', 'throughout', 'from', 'into', 'via']);

function typeForRole(role: RoleRecord | undefined): EntityType {
  if (!role) return 'other';
  if (role.person) return 'person';
  if (role.role === 'GOV') return 'government';
  return 'group';
}

export interface Builder {
  doc: Doc;
  res: Pick<Resources, 'actors'>;
  date: string | null;
  introduced: Set<string>;
  /** The mentions composed so far, in order. */
  out: ActorMention[];
}

/** What a compose rule decides about a mention (its span aside). */
interface Fields {
  type: EntityType;
  code: string | null;
  country: string | null;
  role: string | null;
  name: string | null;
  office?: Office | null;
  rules: ActorRuleId[];
}

function span(doc: Doc, a: number, b: number): { start: number; end: number; text: string } {
  const start = doc.layers.tokens[a]!.start;
  const end = doc.layers.tokens[b - 1]!.end;
  return { start, end, text: doc.layers.text.slice(start, end) };
}

function push(b: Builder, a: number, z: number, fields: Fields, sentence: number): ActorMention {
  const e: ActorMention = { ...span(b.doc, a, z), range: { start: a, end: z }, ...fields, sentence };
  b.out.push(e);
  return e;
}

/** Is the gap between two token positions only modifiers (≤ 2 adjectives/nouns) or a possessive? */
function modifierGap(doc: Doc, from: number, to: number): boolean {
  const tokens = doc.layers.tokens;
  // "Vietnamese-led forces": the leader's country.
  if (to - from === 2 && isJoiner(tokens[from]!.text) && tokens[from + 1]!.norm === 'led') return true;
  if (to - from > 2) return false;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.text === "'s" || t.text === '’s') continue;
    if (!MODIFIER_GAP_POS.has(t.pos)) return false;
  }
  return true;
}

function isConj(t: Token | undefined): boolean {
  return t !== undefined && (t.norm === 'and' || t.norm === 'or' || t.text === ',');
}

const NAME_PARTICLES = new Set(['de', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'da', 'di', 'du', 'le', 'la', 'del', 'der', 'dos', 'bint', 'ould', 'ben']);

/** A run of capitalised name tokens starting at i (for "President Ilham Aliyev"). */
function nameRun(doc: Doc, i: number, end: number): number {
  const tokens = doc.layers.tokens;
  let j = i;
  let words = 0;
  while (j < end && words < 5) {
    const t = tokens[j]!;
    // Hyphens and particles inside names: "Jean-Yves", "F.W. de Klerk", "Ahmad bin Salman".
    if ((isJoiner(t.text) || NAME_PARTICLES.has(t.norm)) && words > 0 && j + 1 < end && /^\p{Lu}/u.test(tokens[j + 1]!.text)) {
      j++;
      continue;
    }
    if (!/^\p{Lu}[\p{L}'’.]*$/u.test(t.text)) break;
    if (t.pos !== 'PROPN' && t.pos !== 'NOUN' && t.pos !== 'X' && t.pos !== 'ADJ') break;
    j++;
    words++;
  }
  return words === 0 ? i : j;
}

function countryOf(e: ActorEntry): CountryRecord | undefined {
  return e.country;
}

function countryFields(c: CountryRecord, role: string | null): { code: string; country: string; role: string | null; name: string } {
  return { code: c.country + (role ?? ''), country: c.country, role, name: c.name };
}

/** Emits a person entity for a dictionary person, with the office at the article's date. */
function personFields(b: Builder, e: ActorEntry, rules: ActorRuleId[]): Fields {
  const p = e.person!;
  const office = officeAt(p, b.date);
  b.introduced.add(p.id);
  if (office) {
    return { type: 'person', code: office.code, country: office.country, role: office.role, name: p.name, rules, office: { title: office.title, code: office.code, from: office.from, until: office.until } };
  }
  const last = p.offices[p.offices.length - 1];
  return { type: 'person', code: last?.country ?? null, country: last?.country ?? null, role: null, name: p.name, rules, office: null };
}

/** Composes pieces of sentence s into actor mentions (appended to b.out). */
export function composeSentence(b: Builder, s: number, pieces: Piece[]): void {
  const { doc } = b;
  const tokens = doc.layers.tokens;
  const t1 = doc.layers.sentences[s]!.range.end;
  const used = new Array<boolean>(pieces.length).fill(false);

  /** Role entity from [a, z) with optional country, then a name after a person title. */
  const roleEntity = (a: number, z: number, role: RoleRecord, country: CountryRecord | null, rule: ActorRuleId, nextPiece: number) => {
    const code = (country ? country.country : '') + role.role;
    const base = { type: typeForRole(role), code, country: country?.country ?? null, role: role.role, name: country ? `${country.name} ${role.title}` : role.title, rules: [rule] };
    if (role.person) {
      // "Foreign Minister Jean-Yves Le Drian": a dictionary person right after the title…
      const np = pieces[nextPiece];
      if (np && !used[nextPiece] && (np.kind === 'person' || np.kind === 'alias') && np.start === z) {
        used[nextPiece] = true;
        const f = personFields(b, np.entry, [rule, 'title-person']);
        // The title in the text wins over a dictionary office of another country or none.
        if (!f.code || f.office === null || (country !== null && f.country !== country.country)) {
          f.code = code;
          f.country = country?.country ?? f.country;
          f.role = role.role;
        }
        f.office = f.office ?? { title: (country ? countryAdjective(country) + ' ' : '') + role.title, code, from: null, until: null };
        return push(b, a, np.end, f, s);
      }
      // …or a capitalised name the dictionaries do not know.
      const end = nameRun(doc, z, t1);
      // Surname aliases inside the run ("Judge Alejandro Rivera") belong to this name.
      let q = nextPiece;
      while (pieces[q] && pieces[q]!.start < end && (pieces[q]!.kind === 'alias' || (pieces[q]!.kind === 'role' && pieces[q]!.start > z)) && pieces[q]!.end <= end) {
        used[q] = true;
        q++;
      }
      if (end > z && !(pieces[q] && pieces[q]!.start < end)) {
        const nameSpan = span(doc, z, end);
        // "King Hassan of Morocco": the country after the name.
        const cp = pieces[q];
        if (country === null && cp && (cp.kind === 'country' || cp.kind === 'capital') && tokens[end]?.norm === 'of' && cp.start === end + 1) {
          used[q] = true;
          const c2 = cp.entry.country!;
          const code2 = c2.country + role.role;
          return push(b, a, cp.end, { ...base, code: code2, country: c2.country, type: 'person', name: nameSpan.text, rules: [rule, 'title-name', 'of-country'], office: { title: role.title, code: code2, from: null, until: null } }, s);
        }
        return push(b, a, end, { ...base, type: 'person', name: nameSpan.text, rules: [rule, 'title-name'], office: { title: (country ? countryAdjective(country) + ' ' : '') + role.title, code, from: null, until: null } }, s);
      }
    }
    return push(b, a, z, base, s);
  };

  for (let p = 0; p < pieces.length; p++) {
    if (used[p]) continue;
    const piece = pieces[p]!;
    const e = piece.entry;
    if (COUNTRYISH.has(piece.kind)) {
      // Chain of modifiers joined by and/or/comma, then a role word: "Hungarian and Romanian officials".
      const chain = [p];
      let q = p + 1;
      while (q < pieces.length && COUNTRYISH.has(pieces[q]!.kind) && pieces[q]!.kind !== 'capital') {
        const prev = pieces[chain[chain.length - 1]!]!;
        const gapTokens = pieces[q]!.start - prev.end;
        if (gapTokens === 1 && isConj(tokens[prev.end])) {
          chain.push(q);
          q++;
        } else if (gapTokens === 2 && tokens[prev.end]!.text === ',' && isConj(tokens[prev.end + 1])) {
          chain.push(q);
          q++;
        } else break;
      }
      const last = pieces[chain[chain.length - 1]!]!;
      const rolePiece = pieces[q];
      const roleFollows =
        rolePiece !== undefined &&
        rolePiece.kind === 'role' &&
        last.kind !== 'capital' &&
        modifierGap(doc, last.end, rolePiece.start) &&
        (last.kind !== 'country' || tokens[last.end]?.text === "'s" || tokens[last.end]?.text === '’s' || rolePiece.start === last.end);
      // "Hungarian and Romanian officials" share the plural role; "Syria and Palestinian leader
      // Yasser Arafat" does not: a singular personal title belongs to the last modifier only.
      const roleTok = tokens[rolePiece ? rolePiece.end - 1 : 0]!;
      if (roleFollows && chain.length > 1 && rolePiece!.entry.role!.person && roleTok.norm === roleTok.lemma) {
        for (let c = 0; c < chain.length - 1; c++) {
          const cp = pieces[chain[c]!]!;
          if (cp.kind === 'country') {
            used[chain[c]!] = true;
            push(b, cp.start, cp.end, { type: 'country', ...countryFields(countryOf(cp.entry)!, null), rules: ['country'] }, s);
          }
        }
        chain.splice(0, chain.length - 1);
      }
      if (roleFollows) {
        for (const k of chain) used[k] = true;
        used[q] = true;
        for (let c = 0; c < chain.length - 1; c++) {
          const cp = pieces[chain[c]!]!;
          const role = rolePiece.entry.role!;
          push(b, cp.start, cp.end, { type: typeForRole(role), code: countryOf(cp.entry)!.country + role.role, country: countryOf(cp.entry)!.country, role: role.role, name: `${countryOf(cp.entry)!.name} ${role.title}`, rules: ['modifier-chain-role'] }, s);
        }
        roleEntity(last.start, rolePiece.end, rolePiece.entry.role!, countryOf(last.entry)!, MODIFIER_ROLE_RULE[last.kind as 'adjective' | 'country' | 'demonym'], q + 1);
        p = q;
        continue;
      }
      used[p] = true;
      const c = countryOf(e)!;
      if (piece.kind === 'country') {
        push(b, piece.start, piece.end, { type: 'country', ...countryFields(c, null), rules: ['country'] }, s);
      } else if (piece.kind === 'capital') {
        // A capital after "in", "at"… is a place, not an actor: the places stage takes it.
        const before = tokens[piece.start - 1];
        if (before && PLACE_PREPOSITIONS.has(before.norm)) continue;
        push(b, piece.start, piece.end, { type: 'government', ...countryFields(c, 'GOV'), rules: ['capital-metonym'] }, s);
      } else if (piece.kind === 'demonym') {
        if (tokens[piece.start - 1]?.norm === 'ethnic') {
          // "ethnic Albanians" in Serbia are Serbia's (CAMEO codes ethnic groups by where they live).
          push(b, piece.start - 1, piece.end, { type: 'group', code: 'CVL', country: null, role: 'CVL', name: `ethnic ${c.name}`, rules: ['ethnic-demonym'] }, s);
        } else if (['NOUN', 'PROPN'].includes(tokens[piece.end]?.pos ?? '') && !(pieces[p + 1] && pieces[p + 1]!.start === piece.end)) {
          // "Israeli helicopters": a demonym used as an adjective stands for its country.
          push(b, piece.start, piece.end, { type: 'country', ...countryFields(c, null), rules: ['demonym-modifier'] }, s);
        } else push(b, piece.start, piece.end, { type: 'group', ...countryFields(c, 'CVL'), rules: ['demonym'] }, s);
      } else if (piece.kind === 'adjective') {
        // "Turkish sides", "French warships", "Israeli strikes": an adjective before a noun the
        // dictionaries do not know stands for its country (as in PETRARCH's country lists).
        const next = tokens[piece.end];
        const nextPiece = pieces[p + 1];
        if (next && (next.pos === 'NOUN' || next.pos === 'PROPN') && !(nextPiece && nextPiece.start === piece.end)) {
          push(b, piece.start, piece.end, { type: 'country', ...countryFields(c, null), rules: ['adjective'] }, s);
        }
      }
      continue;
    }
    used[p] = true;
    switch (piece.kind) {
      case 'role': {
        const role = e.role!;
        // "the president of Azerbaijan"
        const of = tokens[piece.end];
        let q = p + 1;
        const cp = pieces[q];
        if (of && (of.norm === 'of' || of.norm === 'from') && cp && (cp.kind === 'country' || cp.kind === 'capital') && (cp.start === piece.end + 1 || (cp.start === piece.end + 2 && tokens[piece.end + 1]!.norm === 'the'))) {
          used[q] = true;
          push(b, piece.start, cp.end, { type: typeForRole(role), ...countryFields(countryOf(cp.entry)!, role.role), rules: ['role-of-country'] }, s);
          p = q;
          break;
        }
        q = p + 1;
        // A role word used as a modifier ("military involvement") or heading an of-phrase that is
        // not a country ("the state of Islam") is not an actor.
        const nextTok = tokens[piece.end];
        const afterOf = tokens[piece.end + 1];
        const ofPhrase = nextTok?.norm === 'of' && !role.person && afterOf !== undefined && afterOf.pos !== 'VERB';
        const titleBeforeName = role.person === true && nextTok !== undefined && /^\p{Lu}/u.test(nextTok.text);
        if (!titleBeforeName && nextTok && (nextTok.pos === 'NOUN' || nextTok.pos === 'PROPN' || ofPhrase) && !(pieces[q] && pieces[q]!.start === piece.end)) break;
        roleEntity(piece.start, piece.end, role, null, 'role', q);
        break;
      }
      case 'person':
        push(b, piece.start, piece.end, personFields(b, e, ['person']), s);
        break;
      case 'alias': {
        const p0 = e.person!;
        // A bare surname needs its person introduced, or in office at the date; the surnames of
        // the PETRARCH conversion ("Rivera", "Bush" of the Cayman Islands) need the full name first.
        if (!b.introduced.has(p0.id) && (p0.id.startsWith('p-') || officeAt(p0, b.date) === null)) break;
        const f = personFields(b, e, ['person-alias']);
        push(b, piece.start, piece.end, f, s);
        break;
      }
      case 'org': {
        const o = e.org!;
        const type: EntityType = o.type === 'igo' ? 'igo' : o.type === 'ngo' ? 'organization' : 'group';
        // "European Community foreign ministers", "NATO troops", "Arab League Secretary General
        // Chadli Klibi": an organisation before a role word acts through it, with its own code.
        const rp = pieces[p + 1];
        let end = piece.end;
        const rules: ActorRuleId[] = [o.type];
        let name = o.name;
        let personType = false;
        if (rp && rp.kind === 'role' && modifierGap(doc, piece.end, rp.start)) {
          used[p + 1] = true;
          end = rp.end;
          rules.push('org-role');
          if (rp.entry.role!.person) {
            const nEnd = nameRun(doc, end, t1);
            if (nEnd > end && !(pieces[p + 2] && pieces[p + 2]!.start < nEnd && pieces[p + 2]!.kind !== 'alias')) {
              name = span(doc, end, nEnd).text;
              end = nEnd;
              personType = true;
              rules.push('title-name');
            }
          }
        }
        push(b, piece.start, end, { type: personType ? 'person' : type, code: o.code, country: o.country ?? null, role: o.role ?? null, name, rules }, s);
        break;
      }
      case 'seat': {
        const c = countryOf(e)!;
        push(b, piece.start, piece.end, { type: 'government', ...countryFields(c, e.seatRole ?? 'GOV'), rules: ['seat-metonym'] }, s);
        break;
      }
      default:
        break;
    }
  }
}

function countryAdjective(c: CountryRecord): string {
  return c.adjectives[0] ?? c.name;
}

/** actors.match: the actor mentions of every sentence, in order. */
export function matchActors(doc: Doc, res: Pick<Resources, 'actors'>): ActorMention[] {
  const b: Builder = { doc, res, date: doc.meta.date, introduced: new Set(), out: [] };
  for (let s = 0; s < doc.layers.sentences.length; s++) {
    composeSentence(b, s, findPieces(doc, s, res));
  }
  return b.out;
}
