/**
 * Canonical labels for stored actor codes, for the dashboard and exports: a node or dyad is named
 * after what its code means, never after the first mention that produced it (CHN is "China",
 * not "Wang Yi"; GEOGOV is "Georgia: government", not a minister's name).
 *
 * Organisations and groups with a code of their own take their dictionary name (IGOUNO: "United
 * Nations"); a country code takes the country's name; a country code followed by role codes takes
 * the country's name and the roles' names (data/actors/role-labels.json).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../../data/actors/', import.meta.url));

interface LabelTables {
  countries: Map<string, string>;
  orgs: Map<string, string>;
  roles: Record<string, string>;
}

let tables: LabelTables | null = null;

function jsonl(file: string): Array<Record<string, unknown>> {
  return readFileSync(DIR + file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function load(): LabelTables {
  if (tables) return tables;
  const countries = new Map<string, string>();
  for (const r of jsonl('countries.jsonl')) if (typeof r['country'] === 'string' && typeof r['name'] === 'string') countries.set(r['country'], r['name']);
  const orgs = new Map<string, string>();
  for (const file of ['igos.jsonl', 'groups.jsonl']) {
    for (const r of jsonl(file)) {
      const code = r['code'];
      if (typeof code === 'string' && typeof r['name'] === 'string' && !orgs.has(code)) orgs.set(code, r['name']);
    }
  }
  const roles = (JSON.parse(readFileSync(DIR + 'role-labels.json', 'utf8')) as { roles: Record<string, string> }).roles;
  tables = { countries, orgs, roles };
  return tables;
}

/** The canonical label of an actor code, or null when the code is unknown. */
export function codeLabel(code: string): string | null {
  const t = load();
  const org = t.orgs.get(code);
  if (org) return org;
  const country = t.countries.get(code.slice(0, 3));
  // A role with no country (MIL, REB) is named by its roles alone.
  const rest = country ? code.slice(3) : code;
  const parts = (rest.match(/.{1,3}/g) ?? []).map((r) => t.roles[r]);
  if (parts.some((p) => p === undefined)) return null;
  if (country) return parts.length ? `${country}: ${parts.join(', ')}` : country;
  return parts.length ? parts.join(', ') : null;
}
