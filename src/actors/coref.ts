/**
 * actors.coref: within-article coreference. Later mentions resolve to the first full mention:
 *   - a dictionary person's alias ("Le Drian") or the surname of a titled person ("Aliyev");
 *   - subject pronouns ("He", "she") to the most recent person in this or the previous sentences;
 *   - definite role phrases ("the minister", "the French leader") to the most recent person whose
 *     office matches.
 * Each resolved mention copies the referent's code, country, role and name and records `ref`.
 */
import type { Doc, Entity } from '../model/document.js';
import type { Resources } from '../resources.js';

const PRONOUNS = new Set(['he', 'she']);
/** How many sentences back a pronoun or role phrase may reach. */
const LOOKBACK_SENTENCES = 3;

/** The referent of each resolved mention, by identity (indices shift when entities are sorted). */
type Refs = Map<Entity, Entity>;

function rootOf(refs: Refs, e: Entity): Entity {
  let k = e;
  for (let guard = 0; guard < 10; guard++) {
    const r = refs.get(k);
    if (!r) return k;
    k = r;
  }
  return k;
}

function adopt(refs: Refs, e: Entity, referent: Entity): void {
  const r = rootOf(refs, referent);
  refs.set(e, r);
  e.code = r.code;
  e.country = r.country;
  e.role = r.role;
  e.name = r.name;
  e.type = r.type;
  if (r.office !== undefined) e.office = r.office;
}

function isFullPerson(e: Entity): boolean {
  return e.type === 'person' && e.name !== null && /\p{Lu}/u.test(e.name) && !e.rule.startsWith('coref/');
}

export function resolveCoreference(doc: Doc, _res: Resources): void {
  const refs: Refs = new Map();
  // 1. Aliases and surnames → the first full mention of that person.
  const firstByName = new Map<string, number>();
  const surname = new Map<string, number>();
  const sorted = doc.entities.map((e, i) => [e, i] as const).sort((a, b) => a[0].start - b[0].start);
  for (const [e, i] of sorted) {
    if (e.type !== 'person' || e.name === null) continue;
    const key = e.name.toLowerCase();
    const first = firstByName.get(key);
    if (first !== undefined && first !== i && doc.entities[first]!.start < e.start) {
      adopt(refs, e, doc.entities[first]!);
      continue;
    }
    if (first === undefined && isFullPerson(e)) {
      firstByName.set(key, i);
      const parts = e.name.split(/\s+/);
      if (parts.length > 1) surname.set(parts[parts.length - 1]!.toLowerCase(), i);
    }
  }
  // Surnames of titled persons that no dictionary knows ("Aliyev said").
  const covered = (start: number) => doc.entities.some((x) => x.start <= start && start < x.end);
  for (let t = 0; t < doc.tokens.length; t++) {
    const tok = doc.tokens[t]!;
    if (tok.pos !== 'PROPN') continue;
    const ref = surname.get(tok.norm);
    if (ref === undefined || doc.entities[ref]!.end > tok.start || covered(tok.start)) continue;
    const e: Entity = { start: tok.start, end: tok.end, text: tok.text, type: 'person', code: null, country: null, role: null, name: null, rule: 'coref/surname', sentence: tok.sentence };
    adopt(refs, e, doc.entities[ref]!);
    doc.entities.push(e);
  }

  // 2. Pronouns and definite role phrases → the most recent person.
  const persons = () =>
    doc.entities
      .map((e, i) => [e, i] as const)
      .filter(([e]) => e.type === 'person' && e.name !== null && e.code !== null)
      .sort((a, b) => a[0].start - b[0].start);
  for (let t = 0; t < doc.tokens.length; t++) {
    const tok = doc.tokens[t]!;
    if (!PRONOUNS.has(tok.norm) || tok.pos !== 'PRON') continue;
    if (covered(tok.start)) continue;
    const candidates = persons().filter(([e]) => e.end <= tok.start && e.sentence >= tok.sentence - LOOKBACK_SENTENCES);
    const last = candidates[candidates.length - 1];
    if (!last) continue;
    const e: Entity = { start: tok.start, end: tok.end, text: tok.text, type: 'person', code: null, country: null, role: null, name: null, rule: 'coref/pronoun', sentence: tok.sentence };
    adopt(refs, e, doc.entities[last[1]]!);
    doc.entities.push(e);
  }
  for (const e of doc.entities) {
    // "the minister", "the French leader": role-only person mentions after "the".
    if (refs.has(e) || e.type !== 'person' || !e.rule.startsWith('actors/') || e.rule.includes('+name') || e.rule.includes('+person')) continue;
    if (e.rule === 'actors/person' || e.rule === 'actors/person-alias') continue;
    const before = doc.text.slice(Math.max(0, e.start - 4), e.start).toLowerCase();
    if (!/\b(the|this|that)\s$/.test(before)) continue;
    const title = (e.office?.title ?? e.name ?? '').toLowerCase();
    const word = title.split(/\s+/).pop() ?? '';
    const candidates = persons().filter(
      ([p, i]) =>
        p.end <= e.start &&
        p.sentence >= e.sentence - LOOKBACK_SENTENCES - 2 &&
        doc.entities[i] !== e &&
        (e.country === null || p.country === e.country) &&
        (word === '' || word === 'leader' || word === 'official' || (p.office?.title ?? '').toLowerCase().includes(word)),
    );
    const last = candidates[candidates.length - 1];
    if (!last) continue;
    adopt(refs, e, doc.entities[last[1]]!);
    e.rule = 'coref/definite-role';
  }
  doc.entities.sort((a, b) => a.start - b.start || b.end - a.end);
  const index = new Map<Entity, number>();
  doc.entities.forEach((e, k) => index.set(e, k));
  for (const e of doc.entities) {
    const r = refs.get(e);
    e.ref = r ? (index.get(r) ?? null) : null;
  }
}
