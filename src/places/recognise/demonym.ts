/**
 * demonym: "Russian", "Sri Lankans", "European" refer to their country or region (the convention of
 * the news geoparsing corpora). A gazetteer match of a demonym that names no country ("Indian" the
 * town) gives way; a longer name that holds one stays ("Indian Ocean", "South African Airways"… is
 * an organisation's concern, not this rule's).
 */
import { nameKey } from '../normalize.js';
import { joinable } from '../tokens.js';
import type { Ctx, Match } from '../types.js';
import { newMatch } from '../types.js';
import type { RecogniseRule } from './rule.js';

export const demonym = {
  id: 'demonym',
  reason: 'A demonym or place adjective ("Russian", "Sri Lankans", "European") refers to its country or region, as the geoparsing corpora mark it.',
  apply(ctx, found) {
    const { g, toks } = ctx;
    // A one-word gazetteer match that is a demonym and names no country is the demonym.
    for (let q = found.raw.length - 1; q >= 0; q--) {
      const m = found.raw[q];
      if (m.j - m.i === 1 && g.demonymPlace.has(m.key) && !m.cands.some((c) => g.place(c).kind === 'country')) found.raw.splice(q, 1);
    }
    // Tokens already inside a match (one pass over the matches, so the rule stays linear in the text).
    const taken = new Uint8Array(toks.length);
    for (const m of [...found.raw, ...found.extra]) taken.fill(1, m.i, m.j);
    for (let i = 0; i < toks.length; i++) {
      if (!toks[i].cap) continue;
      const m = demonymAt(ctx, i);
      if (!m || taken.subarray(m.i, m.j).includes(1)) continue;
      found.extra.push(m);
      i = m.j - 1;
    }
  },
} as const satisfies RecogniseRule<'demonym'>;

/** A two- or one-word demonym at token i ("Sri Lankan", "Russian"). */
function demonymAt(ctx: Ctx, i: number): Match | null {
  const { g, toks, text } = ctx;
  for (const n of [2, 1]) {
    if (i + n > toks.length) continue;
    if (n === 2 && !(toks[i + 1].cap && joinable(toks[i + 1]))) continue;
    const key = nameKey(text.slice(toks[i].start, toks[i + n - 1].end));
    const idx = g.demonymPlace.get(key);
    if (idx === undefined) continue;
    const m = newMatch(i, i + n, key, [idx], 'demonym');
    m.form = 'demonym';
    m.rkey = `${key}#demonym`;
    return m;
  }
  return null;
}
