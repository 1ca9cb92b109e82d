import type { Candidate, SelectRule } from '../../types.js';

/**
 * A head inside an actor ("warplanes struck": the pattern names the actor too) moves to the
 * match's first verb outside any actor; a trigger wholly inside an actor name ("Defence Ministry")
 * is not an act.
 */
export const headOffActor: SelectRule = {
  id: 'head-off-actor',
  reason: 'The words of an actor\'s name ("Defence Ministry", "Strike Force") are not its acts; the act is the verb outside the name.',
  apply(v, found) {
    const out: Candidate[] = [];
    for (const f of found) {
      if (!v.actorAt[f.m.head - v.t0]) {
        out.push(f);
        continue;
      }
      for (let k = f.m.start; k < f.m.end; k++) {
        if (v.tokens[k]!.pos === 'VERB' && !v.actorAt[k - v.t0]) {
          out.push({ ...f, m: { ...f.m, head: k, start: k }, rules: [...f.rules, 'head-off-actor'] });
          break;
        }
      }
    }
    return out;
  },
};
