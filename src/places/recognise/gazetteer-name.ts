/** gazetteer-name: the longest capitalised run (connectors allowed inside) that the gazetteer names. */
import { nameKey } from '../normalize.js';
import { joinable } from '../tokens.js';
import type { Ctx, Match, Tok } from '../types.js';
import { newMatch } from '../types.js';
import { adminTails, directionWords, nameConnectors } from '../words.js';
import type { RecogniseRule } from './rule.js';

export const gazetteerName = {
  id: 'gazetteer-name',
  reason: 'The longest run of capitalised tokens (with connectors such as "of", "de") that the gazetteer names.',
  apply(ctx, found) {
    const { toks } = ctx;
    for (let i = 0; i < toks.length; i++) {
      const m = longestAt(ctx, i);
      if (m) {
        found.raw.push(m);
        i = m.j - 1;
      }
    }
  },
} as const satisfies RecogniseRule<'gazetteer-name'>;

/** The longest gazetteer name starting at token i (a lower-case direction word may open it: "northern Syria"). */
function longestAt(ctx: Ctx, i: number): Match | null {
  const { toks, g, text } = ctx;
  const t = toks[i];
  const dirPrefix = !t.cap && directionWords().has(t.fold);
  if (!t.cap && !dirPrefix) return null;
  for (let n = Math.min(g.maxTokens, toks.length - i); n >= (dirPrefix ? 2 : 1); n--) {
    const last = toks[i + n - 1];
    if (!last.cap && !(n > 1 && adminTails().has(last.fold))) continue;
    if (!runJoins(toks, i, n)) continue;
    const key = nameKey(text.slice(t.start, last.end));
    const cands = g.lookup(key);
    if (cands) return newMatch(i, i + n, key, cands, 'gazetteer-name');
  }
  return null;
}

/** Can tokens i..i+n-1 form one name: joined by spaces or hyphens, capitalised or connectors, an admin tail last? */
function runJoins(toks: Tok[], i: number, n: number): boolean {
  for (let q = i + 1; q < i + n; q++) {
    const tq = toks[q];
    const tail = q === i + n - 1 && adminTails().has(tq.fold);
    if (!joinable(tq) || toks[q - 1].poss || (!tq.cap && !nameConnectors().has(tq.fold) && !tail)) return false;
  }
  return true;
}
