#!/usr/bin/env node
/**
 * Builds data/cameo/codebook.json: every CAMEO code with its name, root, QuadClass, Goldstein score,
 * PLOVER (2021) event/mode/context and the PLOVER *draft* event type used by the PLOVER gold file.
 *
 * Sources (build time only; the runtime reads the committed JSON, never /work/shared):
 *  - CAMEO2PLOVER-2021.txt: CAMEO code names and PLOVER event/mode/context.
 *    CC BY-SA 4.0, Open Event Data Alliance (PLOVER manual draft 0.8, ed. Philip Schrodt, 2021-09-17).
 *  - cameo-goldstein.tsv: the Goldstein conflict-cooperation scale as published by the GDELT project.
 *  - Names of codes absent from CAMEO2PLOVER (roots, 01x, 02x) come from the CAMEO manual (v1.1b3,
 *    Schrodt et al.), typed in below (FILLED_NAMES).
 *
 * Usage: node scripts/build-codebook.mjs [sharedDir]   (default /work/shared)
 * Prints every gap it fills so a reviewer can check it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.argv[2] ?? '/work/shared';
const c2pPath = join(shared, 'eval/reference/CAMEO2PLOVER-2021.txt');
const gsPath = join(shared, 'eval/reference/cameo-goldstein.tsv');

/** CAMEO manual names for codes CAMEO2PLOVER does not name (roots carry only a PLOVER type there). */
const FILLED_NAMES = {
  '01': 'Make public statement',
  '010': 'Make statement, not specified below',
  '011': 'Decline comment',
  '012': 'Make pessimistic comment',
  '013': 'Make optimistic comment',
  '014': 'Consider policy option',
  '015': 'Acknowledge or claim responsibility',
  '016': 'Deny responsibility',
  '017': 'Engage in symbolic act',
  '018': 'Make empathetic comment',
  '019': 'Express accord',
  '02': 'Appeal',
  '020': 'Make an appeal or request, not specified below',
  '021': 'Appeal for material cooperation',
  '0211': 'Appeal for economic cooperation',
  '0212': 'Appeal for military cooperation',
  '0213': 'Appeal for judicial cooperation',
  '0214': 'Appeal for intelligence',
  '022': 'Appeal for diplomatic cooperation (such as policy support)',
  '023': 'Appeal for aid',
  '0231': 'Appeal for economic aid',
  '0232': 'Appeal for military aid',
  '0233': 'Appeal for humanitarian aid',
  '0234': 'Appeal for military protection or peacekeeping',
  '024': 'Appeal for political reform',
  '0241': 'Appeal for change in leadership',
  '0242': 'Appeal for policy change',
  '0243': 'Appeal for rights',
  '0244': 'Appeal for change in institutions, regime',
  '025': 'Appeal to yield',
  '0251': 'Appeal for easing of administrative sanctions',
  '0252': 'Appeal for easing of popular dissent',
  '0253': 'Appeal for release of persons or property',
  '0254': 'Appeal for easing of economic sanctions, boycott, or embargo',
  '0255': 'Appeal for target to allow international involvement (non-mediation)',
  '0256': 'Appeal for de-escalation of military engagement',
  '026': 'Appeal to others to meet or negotiate',
  '027': 'Appeal to others to settle dispute',
  '028': 'Appeal to others to engage in or accept mediation',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Engage in diplomatic cooperation',
  '06': 'Engage in material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Use unconventional mass violence',
};

/** Corrections of CAMEO2PLOVER names (typos, a placeholder) to the CAMEO manual wording. */
const NAME_FIXES = {
  '100': 'Demand, not specified below',
  '055': 'Apologize',
  '1051': 'Demand easing of administrative sanctions',
  '1444': 'Obstruct passage to demand change in institutions, regime',
};

/** PLOVER for the codes CAMEO2PLOVER leaves out: PLOVER has no "statement" event; CAMEO 02 maps like 10. */
const PLOVER_02_MODES = { '1': 'assist', '2': 'assist', '3': 'assist', '4': 'change', '5': 'yield', '6': 'meet', '7': 'meet', '8': 'meet' };

/** Goldstein values missing from the GDELT table. */
const GOLDSTEIN_FILLS = {
  '1213': [-4.0, 'not in GDELT; parent 121 (Reject material cooperation) = -4.0'],
  '1214': [-4.0, 'not in GDELT; parent 121 (Reject material cooperation) = -4.0'],
};

function quadClass(rootCode) {
  const r = Number(rootCode);
  if (r <= 4) return 1; // verbal cooperation
  if (r <= 8) return 2; // material cooperation
  if (r <= 13) return 3; // verbal conflict
  return 4; // material conflict
}

/**
 * The PLOVER *draft* event types of the gold file (plover-gsr.jsonl). By root, with the sub-code
 * exceptions the gold records show (see docs/lexicon.md).
 */
const DRAFT_BY_ROOT = {
  '01': 'NONE', '02': 'DEMAND', '03': 'AGREE', '04': 'CONSULT', '05': 'SUPPORT', '06': 'COOPERATE', '07': 'AID',
  '08': 'CONCEDE', '09': 'INVESTIGATE', '10': 'DEMAND', '11': 'DISAPPROVE', '12': 'REJECT', '13': 'THREATEN',
  '14': 'PROTEST', '15': 'MOBILIZE', '16': 'SANCTION', '17': 'COERCE', '18': 'ASSAULT', '19': 'FIGHT', '20': 'ASSAULT',
};
function ploverDraft(code) {
  const root = code.slice(0, 2);
  if (root === '08') {
    // 084-087 return/release, ease sanctions, allow involvement, de-escalate: RETREAT; 0831 leadership change (resign): RETREAT
    if (/^08[4-7]/.test(code) || code === '0831') return 'RETREAT';
    return 'CONCEDE';
  }
  if (root === '18' && (code === '181' || code === '184')) return 'COERCE'; // abduct, human shield
  if (code === '1712') return 'COERCE'; // destroy property (PLOVER 2021 moves it to ASSAULT; the draft keeps COERCE)
  if (code === '191' || code === '192') return 'COERCE'; // blockade, occupy
  if (code === '201' || code === '203') return 'FIGHT'; // mass expulsion, ethnic cleansing
  return DRAFT_BY_ROOT[root];
}

// ---- read Goldstein
const goldstein = new Map();
for (const line of readFileSync(gsPath, 'utf8').split('\n').slice(1)) {
  if (!line.trim()) continue;
  const [code, val] = line.split('\t');
  goldstein.set(code.trim(), Number(val));
}

// ---- read CAMEO2PLOVER
const c2p = new Map();
for (const raw of readFileSync(c2pPath, 'utf8').split('\n')) {
  const line = raw.trim();
  const m = /^(\d{2,4}):\s*(.*)$/.exec(line);
  if (!m) continue;
  const code = m[1];
  if (code.length === 2) continue; // root header: only a PLOVER label
  const [fields, comment = ''] = m[2].split('#');
  const [event, mode, context] = fields.split(',').map((s) => (s ?? '').trim());
  const name = comment.trim().split(/\s{2,}/)[0];
  if (c2p.has(code)) {
    console.error(`note: ${code} listed twice in CAMEO2PLOVER; keeping the last ("${name}")`);
  }
  c2p.set(code, { name, event, mode: mode || null, context: context ? context.replace(/\s*;\s*/g, ';') : null });
}

const codes = new Set([...goldstein.keys(), ...c2p.keys(), ...Object.keys(FILLED_NAMES)]);
const sorted = [...codes].sort((a, b) => (a.padEnd(4, ' ') < b.padEnd(4, ' ') ? -1 : 1));
const out = [];
const report = { filledNames: [], fixedNames: [], filledGoldstein: [], filledPlover: [] };
for (const code of sorted) {
  const root = code.slice(0, 2);
  const c = c2p.get(code);
  let name = c?.name;
  if (NAME_FIXES[code]) {
    report.fixedNames.push(`${code}: "${name}" -> "${NAME_FIXES[code]}"`);
    name = NAME_FIXES[code];
  }
  if (!name) {
    name = FILLED_NAMES[code];
    if (!name) throw new Error(`no name for ${code}`);
    report.filledNames.push(code);
  }
  let g = goldstein.get(code);
  if (g === undefined) {
    const fill = GOLDSTEIN_FILLS[code];
    if (!fill) throw new Error(`no Goldstein value for ${code}`);
    g = fill[0];
    report.filledGoldstein.push(`${code}=${fill[0]} (${fill[1]})`);
  }
  let plover;
  if (c) plover = { event: c.event, mode: c.mode, context: c.context };
  else if (code.length === 2) {
    const first = [...c2p.entries()].find(([k]) => k.startsWith(root) && k.length === 3 && k.endsWith('0'));
    plover = root === '01' ? { event: 'NONE', mode: null, context: null }
      : root === '02' ? { event: 'REQUEST', mode: null, context: null }
      : { event: first ? first[1].event : DRAFT_BY_ROOT[root], mode: null, context: null };
    report.filledPlover.push(code);
  } else if (root === '01') {
    plover = { event: 'NONE', mode: null, context: null };
    report.filledPlover.push(code);
  } else if (root === '02') {
    const twin = c2p.get('10' + code.slice(2));
    plover = { event: 'REQUEST', mode: PLOVER_02_MODES[code[2]] ?? null, context: twin ? twin.context : null };
    report.filledPlover.push(code);
  } else throw new Error(`no PLOVER mapping for ${code}`);
  out.push({ code, name, root, quadClass: quadClass(root), goldstein: g, plover, ploverDraft: ploverDraft(code) });
}

const doc = {
  description: 'CAMEO event codebook for Dyad: name, root, QuadClass (GDELT convention), Goldstein score, PLOVER 2021 event/mode/context, PLOVER draft type of the PLOVER gold standard.',
  generatedBy: 'scripts/build-codebook.mjs',
  sources: [
    'CAMEO2PLOVER-2021.txt: CAMEO names and PLOVER event/mode/context, CC BY-SA 4.0, Open Event Data Alliance (PLOVER manual draft 0.8, 2021-09-17)',
    'Goldstein scale as published by the GDELT project (CAMEO.goldsteinscale)',
    'CAMEO manual v1.1b3 (Schrodt et al.) for names absent from CAMEO2PLOVER',
  ],
  license: 'CC BY-SA 4.0 (derived from CAMEO2PLOVER, Open Event Data Alliance)',
  quadClass: { 1: 'verbal cooperation (01-04)', 2: 'material cooperation (05-08)', 3: 'verbal conflict (09-13)', 4: 'material conflict (14-20)' },
  filled: Object.fromEntries(Object.entries(report).map(([k, v]) => [k, v.join('; ')])),
  codes: out,
};
const target = join(root, 'data/cameo/codebook.json');
const head = JSON.stringify({ ...doc, codes: undefined }, null, 2).replace(/\n}$/, '');
writeFileSync(target, `${head},\n  "codes": [\n${out.map((e) => '    ' + JSON.stringify(e)).join(',\n')}\n  ]\n}\n`);
console.log(`wrote ${target}: ${out.length} codes`);
console.log('names filled from the CAMEO manual:', report.filledNames.join(' '));
console.log('names corrected:', report.fixedNames.join('; '));
console.log('Goldstein filled:', report.filledGoldstein.join('; '));
console.log('PLOVER filled (01 -> NONE, 02 -> REQUEST like 10):', report.filledPlover.join(' '));
