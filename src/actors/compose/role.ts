/**
 * A role word that no country modifier took:
 *   role-of-country  "the president of Azerbaijan";
 *   role             "police", "the rebels" (context may give it a country later). A role word used
 *                    as a modifier ("military involvement") or heading an of-phrase that is not a
 *                    country ("the state of Islam") is not an actor.
 */
import { countryFields, push, typeForRole, type Compose, type ComposeRule } from './context.js';
import { roleMention } from './title.js';

/** "the president of Azerbaijan": returns the country piece's index, or null. */
function ofCountry(c: Compose, p: number): number | null {
  const piece = c.pieces[p]!;
  const of = c.tokens[piece.end];
  const cp = c.pieces[p + 1];
  if (!of || (of.norm !== 'of' && of.norm !== 'from') || !cp || (cp.kind !== 'country' && cp.kind !== 'capital')) return null;
  return cp.start === piece.end + 1 || (cp.start === piece.end + 2 && c.tokens[piece.end + 1]!.norm === 'the') ? p + 1 : null;
}

/** Is the role word only modifying what follows ("military involvement", "the state of Islam")? */
function modifiesNext(c: Compose, p: number): boolean {
  const piece = c.pieces[p]!;
  const role = piece.entry.role!;
  const nextTok = c.tokens[piece.end];
  const afterOf = c.tokens[piece.end + 1];
  const ofPhrase = nextTok?.norm === 'of' && !role.person && afterOf !== undefined && afterOf.pos !== 'VERB';
  const titleBeforeName = role.person === true && nextTok !== undefined && /^\p{Lu}/u.test(nextTok.text);
  const nextPiece = c.pieces[p + 1];
  return !titleBeforeName && nextTok !== undefined && (nextTok.pos === 'NOUN' || nextTok.pos === 'PROPN' || ofPhrase) && !(nextPiece && nextPiece.start === piece.end);
}

export const roleWord: ComposeRule = {
  emits: ['role-of-country', 'role', 'title-person', 'title-name', 'of-country'],
  kinds: ['role'],
  apply(c, p) {
    const piece = c.pieces[p]!;
    const role = piece.entry.role!;
    c.used[p] = true;
    const q = ofCountry(c, p);
    if (q !== null) {
      const cp = c.pieces[q]!;
      c.used[q] = true;
      push(c, piece.start, cp.end, { type: typeForRole(role), ...countryFields(cp.entry.country!, role.role), rules: ['role-of-country'] });
      return q;
    }
    if (!modifiesNext(c, p)) roleMention(c, piece.start, piece.end, role, null, 'role', p + 1);
    return p;
  },
};
