#!/usr/bin/env node
/* global process, console */
/**
 * Build the actor dictionary files under data/actors/ (see docs/actors-data.md).
 *
 *   node scripts/build-actors.mjs [--petrarch DIR]
 *
 * Inputs:
 *   - npm packages world-countries (ODbL 1.0) and i18n-iso-countries (MIT): country names, capitals;
 *   - data/actors/country-additions.json: our own names, adjectives, demonyms, capitals, seats of power;
 *   - scripts/actors-tables.mjs: our curated IGOs, NGOs, armed groups and role words;
 *   - data/actors/curated/people.txt: hand-curated people with dated offices (compact text format);
 *   - the PETRARCH 2 dictionaries (MIT, Open Event Data Alliance), by default ../shared/dictionaries/petrarch2:
 *     armed groups (Phoenix.MilNonState.actors.txt), dated people (Phoenix.Countries.actors.txt,
 *     Phoenix.International.actors.txt). Without them, the petrarch-derived parts are kept as they are.
 * Outputs: countries.jsonl, igos.jsonl, groups.jsonl, people.jsonl, people-petrarch.jsonl, roles.jsonl,
 * manifest.json. It prints what it skipped and the counts.
 */
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IGOS, GROUPS, ROLES, CODE_MAP, FICTIONAL } from './actors-tables.mjs';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data', 'actors');
const args = process.argv.slice(2);
const pIdx = args.indexOf('--petrarch');
const PETRARCH = pIdx >= 0 ? resolve(args[pIdx + 1]) : resolve(ROOT, '..', 'shared', 'dictionaries', 'petrarch2');
const VERSION = '2026-11-25';

const skipped = [];
const skip = (file, line, why) => skipped.push(`${file}:${line}: ${why}`);

function writeJsonl(name, records) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, name), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
}

const uniq = (xs) => {
  const seen = new Set();
  const out = [];
  for (const x of xs) {
    const k = x.trim();
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(k);
  }
  return out;
};

// ------------------------------------------------------------------------------------------ countries
const LATIN = /^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF .'’-]+$/;

function buildCountries() {
  const wc = require('world-countries');
  const i18n = require('i18n-iso-countries');
  const en = i18n.getNames('en', { select: 'all' });
  const additions = JSON.parse(readFileSync(join(OUT, 'country-additions.json'), 'utf8'));
  const recs = [];
  for (const c of wc) {
    const id = c.cca3 === 'UNK' ? 'XKX' : c.cca3; // Kosovo: world-countries uses UNK, we use XKX
    const add = additions[id] ?? {};
    const drop = new Set(add.drop ?? []);
    const pkgNames = [c.name.common, c.name.official, ...(c.altSpellings ?? []), ...(en[c.cca2] ?? [])];
    const names = uniq([
      ...(add.names ?? []),
      ...pkgNames.filter((n) => LATIN.test(n) && n.replace(/[^A-Za-z]/g, '').length >= 3 && !/,|\(/.test(n)),
    ]).filter((n) => !drop.has(n));
    const dem = c.demonyms?.eng;
    const adjectives = uniq([...(add.adjectives ?? []), ...(dem ? [dem.m, dem.f] : [])]).filter(
      (n) => !drop.has(n) && LATIN.test(n),
    );
    const capitals = uniq(add.capitalsOnly ?? [...(add.capitals ?? []), ...(c.capital ?? [])]).filter((n) => !drop.has(n));
    const record = {
      id,
      country: id,
      name: add.name ?? c.name.common,
      names,
      adjectives,
      demonyms: uniq(add.demonyms ?? []),
      capitals,
      seats: (add.seats ?? []).map(([text, role]) => ({ text, role })),
      independent: c.independent === true,
    };
    recs.push(record);
  }
  // A name, adjective or capital claimed by several countries is ambiguous: keep it only where the
  // additions list it explicitly, else only for the independent state if exactly one claims it.
  for (const field of ['names', 'capitals', 'adjectives']) {
    const owners = new Map();
    for (const r of recs) for (const n of r[field]) owners.set(n, [...(owners.get(n) ?? []), r]);
    for (const [n, rs] of owners) {
      if (rs.length < 2) continue;
      const explicit = rs.filter((r) => {
        const a = additions[r.id] ?? {};
        return (a[field] ?? []).includes(n) || (field === 'capitals' && (a.capitalsOnly ?? []).includes(n));
      });
      let keep = explicit;
      if (keep.length === 0) {
        const indep = rs.filter((r) => r.independent);
        keep = indep.length === 1 ? indep : [];
      }
      if (field === 'adjectives' && keep.length === 0) keep = rs; // "Congolese" may stay shared
      for (const r of rs) if (!keep.includes(r)) r[field] = r[field].filter((x) => x !== n);
      if (keep.length !== rs.length) {
        skip('countries', field, `"${n}" claimed by ${rs.map((r) => r.id).join(', ')}; kept for ${keep.map((r) => r.id).join(', ') || 'none'}`);
      }
    }
  }
  // ASCII spellings next to accented ones ("Bogotá" and "Bogota"), since news copy often drops accents
  const fold = (x) => x.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  for (const r of recs) {
    delete r.independent;
    for (const field of ['names', 'capitals', 'adjectives']) r[field] = uniq(r[field].flatMap((x) => [x, fold(x)]));
    r.seats = r.seats.flatMap((st) => (fold(st.text) !== st.text && !r.seats.some((o) => o.text === fold(st.text)) ? [st, { ...st, text: fold(st.text) }] : [st]));
  }
  recs.sort((a, b) => a.id.localeCompare(b.id));
  return recs;
}

// ------------------------------------------------------------------------------------------ PETRARCH parsing
/** Parse a PETRARCH actor file into entries {name, synonyms, codes:[{code, from, until}], line, comment}. */
function parseActors(file) {
  const path = join(PETRARCH, file);
  const lines = readFileSync(path, 'latin1').split(/\r?\n/);
  const entries = [];
  let cur = null;
  const codeRe = /\[([^\]]*)\]/g;
  const addCodes = (text, lineNo) => {
    for (const m of text.matchAll(codeRe)) {
      const parsed = parseCode(m[1].trim(), file, lineNo);
      if (parsed && cur) cur.codes.push(parsed);
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const hash = raw.indexOf('#');
    const comment = hash >= 0 ? raw.slice(hash + 1) : '';
    const body = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\s+$/, '');
    if (body.trim() === '') {
      if (/^\s*$/.test(raw) && cur) cur.closed = true;
      continue;
    }
    if (/^\s/.test(body) && !/^\s*\+/.test(body)) {
      // indented: codes for the current entry (or a stray name)
      if (!cur) {
        skip(file, i + 1, 'indented line without an entry');
        continue;
      }
      if (!body.includes('[')) {
        skip(file, i + 1, `stray indented text "${body.trim()}"`);
        continue;
      }
      addCodes(body, i + 1);
      continue;
    }
    if (/^\s*\+/.test(body)) {
      if (!cur) {
        skip(file, i + 1, 'synonym without an entry');
        continue;
      }
      const syn = body.replace(/^\s*\+/, '').replace(/\[.*$/, '').trim();
      if (syn) cur.synonyms.push(syn);
      if (body.includes('[')) addCodes(body, i + 1);
      continue;
    }
    if (body.startsWith('[')) {
      if (cur) addCodes(body, i + 1);
      else skip(file, i + 1, 'code without an entry');
      continue;
    }
    const name = body.replace(/\[.*$/, '').trim();
    if (cur && !cur.closed && cur.codes.length === 0) {
      // TABARI: consecutive names before the codes all share those codes
      cur.synonyms.push(name);
      addCodes(body, i + 1);
      continue;
    }
    cur = { name, synonyms: [], codes: [], line: i + 1, comment, file };
    entries.push(cur);
    addCodes(body, i + 1);
  }
  return entries;
}

function petrarchDate(s, file, line) {
  let y, m, d;
  if (/^\d{6}$/.test(s)) {
    const yy = Number(s.slice(0, 2));
    y = yy <= 25 ? 2000 + yy : 1900 + yy;
    m = s.slice(2, 4);
    d = s.slice(4, 6);
  } else if (/^\d{8}$/.test(s)) {
    y = Number(s.slice(0, 4));
    m = s.slice(4, 6);
    d = s.slice(6, 8);
  } else {
    skip(file, line, `bad date "${s}"`);
    return undefined;
  }
  const iso = `${y}-${m}-${d}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) {
    skip(file, line, `impossible date "${s}"`);
    return undefined;
  }
  return iso;
}

function parseCode(text, file, line) {
  if (text === '---' || text.startsWith('~')) return null;
  const m = /^([A-Z0-9]+)(?:\s+(.*))?$/.exec(text);
  if (!m) {
    skip(file, line, `malformed code "[${text}]"`);
    return null;
  }
  const code = m[1];
  if (FICTIONAL.has(code.slice(0, 3))) {
    skip(file, line, `fictional country code "${code}"`);
    return null;
  }
  if (!/^[A-Z]{3}(?:[A-Z0-9]{3})*$/.test(code)) {
    skip(file, line, `malformed code "${code}"`);
    return null;
  }
  const range = (m[2] ?? '').trim();
  let from = null;
  let until = null;
  if (range === '') {
    // always
  } else if (/^>\s*\d+$/.test(range)) {
    from = petrarchDate(range.replace(/^>\s*/, ''), file, line);
  } else if (/^<\s*\d+$/.test(range)) {
    until = petrarchDate(range.replace(/^<\s*/, ''), file, line);
  } else if (/^\d+\s*-\s*\d+$/.test(range)) {
    const [a, b] = range.split(/\s*-\s*/);
    from = petrarchDate(a, file, line);
    until = petrarchDate(b, file, line);
  } else {
    skip(file, line, `malformed date range "[${text}]"`);
    return null;
  }
  if (from === undefined || until === undefined) return null;
  if (from && until && until < from) {
    skip(file, line, `range ends before it starts "[${text}]"`);
    return null;
  }
  return { code: CODE_MAP[code] ?? mapCountryPrefix(code), from, until };
}

function mapCountryPrefix(code) {
  const c3 = code.slice(0, 3);
  return CODE_MAP[c3] ? CODE_MAP[c3] + code.slice(3) : code;
}

const PARTICLES = new Set(['al', 'bin', 'ibn', 'bint', 'de', 'da', 'das', 'dos', 'do', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'y', 'e', 'of', 'the', 'and', 'el', 'ul', 'ud', 'ur']);
const ACRONYM = /^(?:[A-Z]\.)+$|^(?:UN|US|EU|NATO|II|III|IV|USA|UK|ISIS|ISIL|PKK|YPG|SDF|HTS|IRA|ETA|FARC|ELN|LTTE|PLO|RSF|TPLF|AQIM|AQAP|AQI|MEND|MNLF|MILF|NPA|JEM|SPLA|SPLM|LRA)$/;

/** "ILHAM_ALIYEV_" -> "Ilham Aliyev"; "AL-QAEDA" -> "al-Qaeda". */
function displayName(raw) {
  const words = raw.replace(/_+$/, '').replace(/_/g, ' ').replace(/\s+/g, ' ').trim().split(' ');
  return words
    .map((w, i) => {
      if (ACRONYM.test(w) || /^\(.*\)$/.test(w)) return w;
      return w
        .split('-')
        .map((part, j) => {
          const lower = part.toLowerCase();
          if ((i > 0 || j > 0) && PARTICLES.has(lower) && (j === 0 ? true : lower === 'al' || lower === 'el' || lower === 'ul' || lower === 'ud')) return lower;
          return lower.replace(/(^|['’.])([a-z\u00e0-\u00fe])/g, (_m, p, ch) => p + ch.toUpperCase());
        })
        .join('-');
    })
    .join(' ');
}

const TITLE_WORDS = new Set(['president', 'prime', 'premier', 'minister', 'secretary', 'general', 'gen', 'lt', 'col', 'colonel', 'major', 'king', 'queen', 'prince', 'princess', 'sheikh', 'former', 'ex', 'mr', 'mrs', 'ms', 'dr', 'chairman', 'leader', 'foreign', 'defense', 'defence', 'interior', 'finance', 'deputy', 'vice', 'acting', 'senator', 'sen', 'rep', 'representative', 'governor', 'gov', 'ambassador', 'envoy', 'chief', 'commander', 'admiral', 'justice', 'judge', 'speaker', 'spokesman', 'mayor', 'opposition', 'rebel', 'party', 'army', 'u', 'un', 'us', 'the', 'new', 'top', 'senior', 'state', 'head', 'director', 'emir', 'sultan', 'crown', 'cardinal', 'archbishop', 'bishop', 'pope', 'ayatollah', 'imam', 'cleric']);
let ADJECTIVES = new Set();
let ISO3 = new Set();
const normName = (s) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

function slug(s) {
  return normName(s).replace(/ /g, '-');
}

const ROLE_TITLES = {
  GOV: 'official', MIL: 'military officer', REB: 'rebel leader', OPP: 'opposition figure', PTY: 'party official',
  LEG: 'legislator', JUD: 'judge', COP: 'police official', ELI: 'elite', BUS: 'business figure', MED: 'media figure',
  EDU: 'academic', REL: 'religious leader', HRI: 'human rights figure', CVL: 'civilian', LAB: 'labour leader',
  AGR: 'agriculture figure', SPY: 'intelligence official', IGO: 'official', NGO: 'official', INS: 'insurgent',
  SEP: 'separatist', CRM: 'criminal', UAF: 'armed figure', REF: 'refugee official', HLH: 'health official',
  DEV: 'development official', ENV: 'environment figure', IMG: 'militant', RAD: 'radical', MOD: 'moderate',
};
const GOV_FIELDS = {
  MIL: 'defence official', JUD: 'justice official', BUS: 'economy official', MED: 'information official', ENV: 'environment official',
  EDU: 'education official', AGR: 'agriculture official', HLH: 'health official', LAB: 'labour official', DEV: 'development official',
  REF: 'refugee affairs official', COP: 'interior official', HRI: 'human rights official', SPY: 'intelligence official', LEG: 'legislator',
};
const SECTORS = new Set(Object.keys(ROLE_TITLES).filter((k) => k !== 'IGO' && k !== 'NGO' && k !== 'IMG'));

function officeFromCode(c) {
  const head = c.code.slice(0, 3);
  const isCountry = ISO3.has(head);
  const parts = (c.code.match(/.{3}/g) ?? []).slice(isCountry ? 1 : 0);
  const role = parts.find((p) => SECTORS.has(p)) ?? null;
  const sub = role === 'GOV' ? parts.slice(parts.indexOf('GOV') + 1).find((p) => GOV_FIELDS[p]) : undefined;
  let title = sub ? GOV_FIELDS[sub] : role ? ROLE_TITLES[role] : head === 'IGO' ? 'official' : head === 'NGO' ? 'NGO figure' : head === 'IMG' ? 'militant' : 'figure';
  if (head === 'IGO' || head === 'NGO') title = role === 'MIL' ? 'military officer' : title;
  return { code: c.code, country: isCountry ? head : null, role: role ?? (SECTORS.has(head) ? head : null), title, from: c.from, until: c.until };
}

const ORG_WORDS = /\b(ARMY|FRONT|BRIGADES?|STATE|GROUP|MOVEMENT|PARTY|FORCES?|COUNCIL|ORGANI[SZ]ATION|COMMITTEE|MINISTRY|BATTALIONS?|NETWORK|UNION|GOVERNMENT|ASSEMBLY|LEAGUE|ALLIANCE|COALITION|REPUBLIC|KINGDOM|AUTHORITY|COMMISSION|AGENCY|BANK|FUND|OFFICE|POLICE|NAVY|COURT|PARLIAMENT|CONGRESS|SENATE|MILITIA|REBELS?|JIHAD|CORPS|UNITS?|REGIME|ADMINISTRATION|CABINET|DEPARTMENT|INSTITUTE|ASSOCIATION|FEDERATION|SOCIETY|CENTER|CENTRE|FOUNDATION|MISSION|PROGRAM|PROJECT|SERVICE|TRIBUNAL|COMPANY|CORPORATION|INC|LTD|PEOPLE|CITIZENS|SUPPORTERS|MEMBERS|MILITANTS|FIGHTERS|TROOPS|SOLDIERS|OFFICIALS)\b/;

function isPersonEntry(e) {
  const words = e.name.replace(/_/g, ' ');
  if (ORG_WORDS.test(words)) return false;
  if (/CountryInfo\.txt|IGOrulers\.txt/.test(e.comment)) return true;
  return e.codes.some((c) => c.from !== null || c.until !== null);
}

function personFromEntry(e, file) {
  const name = displayName(e.name);
  if (!/[A-Za-z]/.test(name) || name.split(' ').length < 1) {
    skip(file, e.line, `unusable name "${e.name}"`);
    return null;
  }
  const offices = e.codes.map(officeFromCode);
  if (offices.length === 0) {
    skip(file, e.line, `person without a code "${e.name}"`);
    return null;
  }
  const full = normName(name);
  const aliases = uniq(
    e.synonyms
      .map(displayName)
      .filter((s) => {
        const n = normName(s);
        if (n === full || n.endsWith(' ' + full)) return false; // "President Vladimir Putin": the title is the matcher's job
        const first = n.split(' ')[0];
        return !TITLE_WORDS.has(first) && !ADJECTIVES.has(first);
      }),
  );
  const parts = name.split(' ');
  const last = parts[parts.length - 1];
  if (parts.length > 1 && last.replace(/[^A-Za-z]/g, '').length >= 4 && !PARTICLES.has(last.toLowerCase())) aliases.push(last);
  return { id: `p-${slug(name)}`, name, aliases: uniq(aliases), offices };
}

// ------------------------------------------------------------------------------------------ PETRARCH agents
const AGENT_DENY = new Set(['man', 'men', 'woman', 'women', 'person', 'child', 'girl', 'boy', 'mother', 'father', 'husband', 'wife', 'son', 'daughter', 'jetliner', 'neighbourhood', 'neighborhood', 'traveller', 'traveler', 'the poor', 'rabble', 'waitress', 'boss', 'perpetrator', 'sea rover', 'branokker', 'husbandman', 'husbandwoman', 'husbandperson', 'member', 'group', 'people', 'worker', 'staff', 'head', 'chief', 'officer', 'official', 'actor', 'retired', 'doc', 'intelligence', 'islamic', 'jewish', 'hebrew', 'chamber', 'assemblage', 'persons', 'airliner', 'airway', 'aerospace', 'children', 'believer', 'advocate', 'delegate', 'conservative coalition']);
const SECTOR_TITLES = {
  GOV: 'government', MIL: 'military', COP: 'police', JUD: 'judiciary', LEG: 'legislature', OPP: 'opposition', PTY: 'party',
  REB: 'rebels', INS: 'insurgents', SEP: 'separatists', MED: 'media', EDU: 'education', BUS: 'business', CVL: 'civilians',
  REF: 'refugees', HLH: 'health', NGO: 'NGO', HRI: 'human rights', LAB: 'labour', AGR: 'agriculture', ELI: 'elite', CRM: 'criminals',
  RAD: 'radicals', REL: 'religion', SPY: 'intelligence', UAF: 'armed men', ENV: 'environment', DEV: 'development', MOD: 'moderates',
  CHR: 'Christian', MUS: 'Muslim', JEW: 'Jewish', BUD: 'Buddhist', HIN: 'Hindu', PPL: 'people', IMG: 'militants',
};

/** Phoenix.agents.txt words, grouped by the first sector of their code, minus words our table already has. */
function petrarchRoles(curated) {
  const file = 'Phoenix.agents.txt';
  const have = new Set(curated.flatMap((r) => r.words));
  const bySector = new Map();
  const lines = readFileSync(join(PETRARCH, file), 'utf8').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/#.*$/, '').trim();
    if (line === '' || line.startsWith('!PERSON! =') || line.startsWith('!MINIST! =')) continue;
    const m = /^(.*?)\s*(?:\{[^}]*\})?\s*\[~([A-Z]+)\]\s*$/.exec(line);
    if (!m) {
      skip(file, i + 1, `not a role line "${line}"`);
      continue;
    }
    const sector = m[2].slice(0, 3);
    if (!SECTOR_TITLES[sector]) {
      skip(file, i + 1, `unknown sector "${m[2]}"`);
      continue;
    }
    let phrase = m[1].replace(/\{[^}]*\}/g, '').trim();
    if (!/^[A-Z0-9_!.'\- ]+$/.test(phrase)) {
      skip(file, i + 1, `unusable characters in "${phrase}"`);
      continue;
    }
    const forms = [];
    const expand = (p) => {
      if (p.includes('!PERSON!')) for (const f of ['MAN', 'WOMAN', 'PERSON']) expand(p.replace('!PERSON!', f));
      else if (p.includes('!MINIST!')) for (const f of ['MINISTER', 'MINISTRY']) expand(p.replace('!MINIST!', f));
      else forms.push(p);
    };
    expand(phrase);
    for (const f of forms) {
      const word = f.replace(/_/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
      if (word === '' || have.has(word) || AGENT_DENY.has(word)) continue;
      const person = /\bminister\b/.test(word) && !/\bministry\b/.test(word);
      const key = `${sector}|${person}`;
      if (!bySector.has(key)) bySector.set(key, new Set());
      bySector.get(key).add(word);
      have.add(word);
    }
  }
  return [...bySector]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, words]) => {
      const [sector, person] = key.split('|');
      const rec = { id: `petrarch-${sector.toLowerCase()}${person === 'true' ? '-minister' : ''}`, words: [...words].sort(), role: sector, title: person === 'true' ? 'Minister' : SECTOR_TITLES[sector] };
      if (person === 'true') rec.person = true;
      return rec;
    });
}

// ------------------------------------------------------------------------------------------ curated people
/**
 * data/actors/curated/people.txt:
 *   Name | Alias; Alias            starts a person (aliases optional)
 *     CODE FROM..UNTIL Title       one office; FROM/UNTIL are YYYY-MM-DD or empty; CODE a CAMEO code
 *   # comment, blank lines ignored
 */
function readCuratedPeople() {
  const path = join(OUT, 'curated', 'people.txt');
  const lines = readFileSync(path, 'utf8').split('\n');
  const people = [];
  const byId = new Map();
  let cur = null;
  const bad = (i, why) => {
    throw new Error(`data/actors/curated/people.txt:${i + 1}: ${why}`);
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (line.trim() === '') continue;
    if (/^\S/.test(line)) {
      const [namePart, aliasPart] = line.split('|');
      const name = namePart.trim();
      const id = slug(name);
      if (byId.has(id)) {
        cur = byId.get(id); // a later block adds offices to the same person
        if (aliasPart) cur.aliases = uniq([...cur.aliases, ...aliasPart.split(';')]);
        continue;
      }
      cur = { id, name, aliases: uniq((aliasPart ?? '').split(';')), offices: [] };
      byId.set(id, cur);
      people.push(cur);
      continue;
    }
    if (!cur) bad(i, 'office before any person');
    const m = /^\s+([A-Z]{3}(?:[A-Z]{3})*)\s+(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?\s+(.+)$/.exec(line);
    if (!m) bad(i, `bad office line "${line.trim()}"`);
    const code = m[1];
    const head = code.slice(0, 3);
    const country = head === 'IGO' || head === 'NGO' || head === 'IMG' ? null : head;
    const role = country ? code.slice(3, 6) || null : null;
    const office = { code, country, role, title: m[4].trim(), from: m[2] ?? null, until: m[3] ?? null };
    if (office.from && office.until && office.until < office.from) bad(i, 'until before from');
    cur.offices.push(office);
  }
  for (const p of people) {
    p.aliases = p.aliases.filter((a) => a !== p.name);
    if (p.offices.length === 0) throw new Error(`curated person without office: ${p.name}`);
    p.offices.sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''));
  }
  return people;
}

// ------------------------------------------------------------------------------------------ main
function main() {
  const countries = buildCountries();
  ISO3 = new Set(countries.map((c) => c.id));
  ADJECTIVES = new Set(countries.flatMap((c) => c.adjectives.map((a) => normName(a).split(' ')[0])));
  writeJsonl('countries.jsonl', countries);

  writeJsonl('igos.jsonl', IGOS.map(([id, code, type, names]) => ({ id, code, name: names[0], names: uniq(names), type })));

  const curatedPeople = readCuratedPeople();
  writeJsonl('people.jsonl', curatedPeople);

  const roles = ROLES.map(([id, role, title, person, words]) => ({ id, words: uniq(words), role, title, ...(person ? { person: true } : {}) }));
  if (existsSync(join(PETRARCH, 'Phoenix.agents.txt'))) roles.push(...petrarchRoles(roles));
  writeJsonl('roles.jsonl', roles);

  const haveP = existsSync(join(PETRARCH, 'Phoenix.Countries.actors.txt'));
  const counts = {};
  if (haveP) {
    // groups: curated first, then PETRARCH MilNonState entries not already covered
    const groups = GROUPS.map(([id, code, country, role, names]) => ({ id, code, country, role, name: names[0], names: uniq(names), type: 'group' }));
    const seen = new Set(groups.flatMap((g) => g.names.map(normName)));
    const petrarchPeople = [];
    const mil = parseActors('Phoenix.MilNonState.actors.txt');
    let milGroups = 0;
    for (const e of mil) {
      if (e.codes.length === 0) {
        skip(e.file, e.line, `entry without a code "${e.name}"`);
        continue;
      }
      if (isPersonEntry(e) && e.codes.some((c) => c.from || c.until)) {
        const p = personFromEntry(e, e.file);
        if (p) petrarchPeople.push(p);
        continue;
      }
      const name = displayName(e.name.replace(/_\([A-Z.]+\)_?$/, ''));
      const names = uniq([name, ...e.synonyms.map((s) => displayName(s.replace(/_\([A-Z.()_]+\)_?$/, '')))]).filter(
        (n) => n.replace(/[^A-Za-z]/g, '').length >= 3 && !/\+/.test(n),
      );
      if (names.length === 0 || names.some((n) => seen.has(normName(n))) || seen.has(normName(name))) {
        if (names.length === 0) skip(e.file, e.line, `no usable name "${e.name}"`);
        continue;
      }
      const codes = [...new Set(e.codes.map((c) => c.code))];
      const code = codes[0];
      const head = code.slice(0, 3);
      const isCountry = ISO3.has(head);
      const parts = code.match(/.{3}/g).slice(isCountry ? 1 : 0);
      // IMG (international militarised group) and region-coded groups are armed non-state actors: REB
      const role = parts.find((p) => SECTORS.has(p)) ?? (head === 'IMG' || !isCountry ? 'REB' : null);
      for (const n of names) seen.add(normName(n));
      groups.push({ id: `g-${slug(name)}`, code, country: isCountry ? head : null, role, name, names, type: 'group' });
      milGroups++;
    }
    // unique ids
    const ids = new Set();
    for (const g of groups) {
      let id = g.id;
      for (let k = 2; ids.has(id); k++) id = `${g.id}-${k}`;
      g.id = id;
      ids.add(id);
    }
    writeJsonl('groups.jsonl', groups);
    counts.groupsFromPetrarch = milGroups;

    let nonPeople = 0;
    for (const file of ['Phoenix.Countries.actors.txt', 'Phoenix.International.actors.txt']) {
      for (const e of parseActors(file)) {
        if (e.codes.length === 0) {
          skip(file, e.line, `entry without a code "${e.name}"`);
          continue;
        }
        if (!isPersonEntry(e)) {
          nonPeople++;
          continue;
        }
        const p = personFromEntry(e, file);
        if (p) petrarchPeople.push(p);
      }
    }
    // merge duplicates inside PETRARCH (same normalised name): union of offices and aliases
    const merged = new Map();
    for (const p of petrarchPeople) {
      const k = normName(p.name);
      const prev = merged.get(k);
      if (!prev) merged.set(k, p);
      else {
        prev.aliases = uniq([...prev.aliases, ...p.aliases]);
        const key = (o) => `${o.code}|${o.from}|${o.until}`;
        const have = new Set(prev.offices.map(key));
        for (const o of p.offices) if (!have.has(key(o))) prev.offices.push(o);
      }
    }
    // curated entries override PETRARCH ones with the same normalised name (or alias = full name)
    const curatedKeys = new Set(curatedPeople.flatMap((p) => [normName(p.name), ...p.aliases.filter((a) => a.includes(' ')).map(normName)]));
    const out = [];
    let overridden = 0;
    for (const [k, p] of merged) {
      if (curatedKeys.has(k)) {
        overridden++;
        continue;
      }
      out.push(p);
    }
    const pids = new Set(curatedPeople.map((p) => p.id));
    for (const p of out) {
      let id = p.id;
      for (let k = 2; pids.has(id); k++) id = `${p.id}-${k}`;
      p.id = id;
      pids.add(id);
    }
    out.sort((a, b) => a.id.localeCompare(b.id));
    writeJsonl('people-petrarch.jsonl', out);
    Object.assign(counts, { petrarchPeopleEntries: petrarchPeople.length, petrarchPeople: out.length, overriddenByCurated: overridden, petrarchNonPeopleEntries: nonPeople });
  } else {
    console.error(`build-actors: ${PETRARCH} is absent: groups.jsonl and people-petrarch.jsonl are left as they are`);
  }

  const lineCount = (f) => (existsSync(join(OUT, f)) ? readFileSync(join(OUT, f), 'utf8').split('\n').filter(Boolean).length : 0);
  const files = ['countries.jsonl', 'igos.jsonl', 'groups.jsonl', 'people.jsonl', 'people-petrarch.jsonl', 'roles.jsonl'];
  const manifest = {
    version: VERSION,
    counts: Object.fromEntries(files.map((f) => [f, lineCount(f)])),
    sources: [
      'world-countries (npm, ODbL 1.0, Mohammed Le Doze)',
      'i18n-iso-countries (npm, MIT)',
      'PETRARCH 2 dictionaries: Phoenix.Countries/International/MilNonState.actors.txt, Phoenix.agents.txt (MIT, Copyright (c) 2014 Open Event Data Alliance)',
      'Dyad curated tables (country-additions.json, scripts/actors-tables.mjs, curated/people.txt)',
    ],
  };
  writeFileSync(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(OUT, 'build-report.txt'), skipped.join('\n') + '\n');
  console.log('counts', JSON.stringify({ ...manifest.counts, ...counts }));
  console.log(`skipped ${skipped.length} items (listed in data/actors/build-report.txt)`);
}

main();
