/**
 * A role word as a mention, and the name after a personal title:
 *   title-person  "Foreign Minister Jean-Yves Le Drian": a dictionary person after the title;
 *   title-name    "Judge Alejandro Rivera": a capitalised name the dictionaries do not know;
 *   of-country    "King Hassan of Morocco": the country after the titled name.
 */
import type { ActorMention } from '../../model/document.js';
import type { CountryRecord, RoleRecord } from '../dictionary.js';
import type { ActorRuleId } from '../rules.js';
import { countryAdjective, nameRun, personFields, push, span, typeForRole, type Compose } from './context.js';

/** "Foreign Minister Jean-Yves Le Drian": the title in the text wins over a dictionary office of another country or none. */
function titledPerson(c: Compose, a: number, z: number, role: RoleRecord, country: CountryRecord | null, rule: ActorRuleId, nextPiece: number): ActorMention | null {
  const np = c.pieces[nextPiece];
  if (!np || c.used[nextPiece] || (np.kind !== 'person' && np.kind !== 'alias') || np.start !== z) return null;
  c.used[nextPiece] = true;
  const code = (country ? country.country : '') + role.role;
  const f = personFields(c.b, np.entry, [rule, 'title-person']);
  if (!f.code || f.office === null || (country !== null && f.country !== country.country)) {
    f.code = code;
    f.country = country?.country ?? f.country;
    f.role = role.role;
  }
  f.office = f.office ?? { title: (country ? countryAdjective(country) + ' ' : '') + role.title, code, from: null, until: null };
  return push(c, a, np.end, f);
}

/** "Judge Alejandro Rivera", "King Hassan of Morocco": a capitalised name no dictionary knows. */
function titledName(c: Compose, a: number, z: number, role: RoleRecord, country: CountryRecord | null, rule: ActorRuleId, nextPiece: number): ActorMention | null {
  const { pieces, used } = c;
  const end = nameRun(c.doc, z, c.t1);
  // Surname aliases inside the run ("Judge Alejandro Rivera") belong to this name.
  let q = nextPiece;
  while (pieces[q] && pieces[q]!.start < end && (pieces[q]!.kind === 'alias' || (pieces[q]!.kind === 'role' && pieces[q]!.start > z)) && pieces[q]!.end <= end) {
    used[q] = true;
    q++;
  }
  if (end <= z || (pieces[q] && pieces[q]!.start < end)) return null;
  const code = (country ? country.country : '') + role.role;
  const base = { type: 'person' as const, code, country: country?.country ?? null, role: role.role, name: span(c.doc, z, end).text };
  const cp = pieces[q];
  if (country === null && cp && (cp.kind === 'country' || cp.kind === 'capital') && c.tokens[end]?.norm === 'of' && cp.start === end + 1) {
    used[q] = true;
    const c2 = cp.entry.country!;
    const code2 = c2.country + role.role;
    return push(c, a, cp.end, { ...base, code: code2, country: c2.country, rules: [rule, 'title-name', 'of-country'], office: { title: role.title, code: code2, from: null, until: null } });
  }
  return push(c, a, end, { ...base, rules: [rule, 'title-name'], office: { title: (country ? countryAdjective(country) + ' ' : '') + role.title, code, from: null, until: null } });
}

/** A role mention over [a, z) with an optional country; a personal title takes the name after it. */
export function roleMention(c: Compose, a: number, z: number, role: RoleRecord, country: CountryRecord | null, rule: ActorRuleId, nextPiece: number): ActorMention {
  if (role.person) {
    const named = titledPerson(c, a, z, role, country, rule, nextPiece) ?? titledName(c, a, z, role, country, rule, nextPiece);
    if (named) return named;
  }
  const code = (country ? country.country : '') + role.role;
  return push(c, a, z, { type: typeForRole(role), code, country: country?.country ?? null, role: role.role, name: country ? `${country.name} ${role.title}` : role.title, rules: [rule] });
}
