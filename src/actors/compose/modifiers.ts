/**
 * Country modifiers before a role word:
 *   adjective-role / country-role / demonym-role  "Turkish police", "Armenia's army", "Israeli officials";
 *   modifier-chain-role  "Hungarian and Romanian officials": modifiers joined by and/or/commas share a plural role.
 */
import { modifierGap, isConj, COUNTRYISH, countryFields, push, typeForRole, type Compose, type ComposeRule, type Piece } from './context.js';
import { roleMention } from './title.js';

const RULE_OF_KIND = { adjective: 'adjective-role', country: 'country-role', demonym: 'demonym-role' } as const;

/** Piece indexes of a chain of modifiers from p joined by and / or / commas (capitals never chain). */
function modifierChain(c: Compose, p: number): number[] {
  const { pieces, tokens } = c;
  const chain = [p];
  let q = p + 1;
  while (q < pieces.length && COUNTRYISH.has(pieces[q]!.kind) && pieces[q]!.kind !== 'capital') {
    const prev = pieces[chain[chain.length - 1]!]!;
    const gapTokens = pieces[q]!.start - prev.end;
    const joined = (gapTokens === 1 && isConj(tokens[prev.end])) || (gapTokens === 2 && tokens[prev.end]!.text === ',' && isConj(tokens[prev.end + 1]));
    if (!joined) break;
    chain.push(q);
    q++;
  }
  return chain;
}

/** Does the role piece follow the last modifier closely enough ("Armenia's army", not "Armenia army")? */
function roleFollows(c: Compose, last: Piece, rolePiece: Piece | undefined): rolePiece is Piece {
  if (rolePiece === undefined || rolePiece.kind !== 'role' || last.kind === 'capital') return false;
  if (!modifierGap(c.doc, last.end, rolePiece.start)) return false;
  const next = c.tokens[last.end]?.text;
  return last.kind !== 'country' || next === "'s" || next === '’s' || rolePiece.start === last.end;
}

export const modifierRole: ComposeRule = {
  emits: ['adjective-role', 'country-role', 'demonym-role', 'modifier-chain-role', 'country'],
  kinds: ['adjective', 'country', 'demonym', 'capital'],
  apply(c, p) {
    const { pieces, used, tokens } = c;
    const chain = modifierChain(c, p);
    const q = chain[chain.length - 1]! + 1;
    const last = pieces[chain[chain.length - 1]!]!;
    const rolePiece = pieces[q];
    if (!roleFollows(c, last, rolePiece)) return null;
    const role = rolePiece.entry.role!;
    // "Syria and Palestinian leader Yasser Arafat": a singular personal title belongs to the last modifier only.
    const roleTok = tokens[rolePiece.end - 1]!;
    if (chain.length > 1 && role.person && roleTok.norm === roleTok.lemma) {
      for (const k of chain.slice(0, -1)) {
        const cp = pieces[k]!;
        if (cp.kind !== 'country') continue;
        used[k] = true;
        push(c, cp.start, cp.end, { type: 'country', ...countryFields(cp.entry.country!, null), rules: ['country'] });
      }
      chain.splice(0, chain.length - 1);
    }
    for (const k of chain) used[k] = true;
    used[q] = true;
    for (const k of chain.slice(0, -1)) {
      const cp = pieces[k]!;
      const country = cp.entry.country!;
      push(c, cp.start, cp.end, { type: typeForRole(role), code: country.country + role.role, country: country.country, role: role.role, name: `${country.name} ${role.title}`, rules: ['modifier-chain-role'] });
    }
    roleMention(c, last.start, rolePiece.end, role, last.entry.country!, RULE_OF_KIND[last.kind as keyof typeof RULE_OF_KIND], q + 1);
    return q;
  },
};
