/**
 * Named actors of the dictionaries:
 *   person        a dictionary person, with the office held at the article's date;
 *   person-alias  a bare surname, once its person is introduced or in office at the date (the
 *                 surnames of the PETRARCH conversion need the full name first);
 *   igo/ngo/group an organisation, acting through a role word after it ("NATO troops",
 *                 "Arab League Secretary General Chadli Klibi": org-role, title-name);
 *   seat-metonym  a seat of power is its government ("the Elysee").
 */
import type { EntityType } from '../../model/document.js';
import { officeAt } from '../dictionary.js';
import type { ActorRuleId } from '../rules.js';
import { countryFields, modifierGap, nameRun, personFields, push, span, type ComposeRule } from './context.js';

export const person: ComposeRule = {
  emits: ['person'],
  kinds: ['person'],
  apply(c, p) {
    const piece = c.pieces[p]!;
    c.used[p] = true;
    push(c, piece.start, piece.end, personFields(c.b, piece.entry, ['person']));
    return p;
  },
};

export const personAlias: ComposeRule = {
  emits: ['person-alias'],
  kinds: ['alias'],
  apply(c, p) {
    const piece = c.pieces[p]!;
    const p0 = piece.entry.person!;
    c.used[p] = true;
    if (!c.b.introduced.has(p0.id) && (p0.id.startsWith('p-') || officeAt(p0, c.b.date) === null)) return p;
    push(c, piece.start, piece.end, personFields(c.b, piece.entry, ['person-alias']));
    return p;
  },
};

export const organisation: ComposeRule = {
  emits: ['igo', 'ngo', 'group', 'org-role', 'title-name'],
  kinds: ['org'],
  apply(c, p) {
    const { pieces, used } = c;
    const piece = pieces[p]!;
    const o = piece.entry.org!;
    used[p] = true;
    const type: EntityType = o.type === 'igo' ? 'igo' : o.type === 'ngo' ? 'organization' : 'group';
    const rp = pieces[p + 1];
    let end = piece.end;
    const rules: ActorRuleId[] = [o.type];
    let name = o.name;
    let personType = false;
    if (rp && rp.kind === 'role' && modifierGap(c.doc, piece.end, rp.start)) {
      used[p + 1] = true;
      end = rp.end;
      rules.push('org-role');
      const nEnd = rp.entry.role!.person ? nameRun(c.doc, end, c.t1) : end;
      if (nEnd > end && !(pieces[p + 2] && pieces[p + 2]!.start < nEnd && pieces[p + 2]!.kind !== 'alias')) {
        name = span(c.doc, end, nEnd).text;
        end = nEnd;
        personType = true;
        rules.push('title-name');
      }
    }
    push(c, piece.start, end, { type: personType ? 'person' : type, code: o.code, country: o.country ?? null, role: o.role ?? null, name, rules });
    return p;
  },
};

export const seatMetonym: ComposeRule = {
  emits: ['seat-metonym'],
  kinds: ['seat'],
  apply(c, p) {
    const piece = c.pieces[p]!;
    c.used[p] = true;
    push(c, piece.start, piece.end, { type: 'government', ...countryFields(piece.entry.country!, piece.entry.seatRole ?? 'GOV'), rules: ['seat-metonym'] });
    return p;
  },
};
