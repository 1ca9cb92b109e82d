import { sameClause, tokenAtOffset } from '../../view.js';
import type { DateChoice, DateRule } from '../../types.js';

export const clauseDate: DateRule = {
  id: 'clause-date',
  reason: 'An event happened on the date expression nearest its trigger in its own clause ("clashed on September 27").',
  apply(v, head, dates) {
    let best = Infinity;
    let out: DateChoice | null = null;
    for (const d of dates) {
      if (d.date === null) continue;
      const at = tokenAtOffset(v, v.sentence.start + d.start);
      if (at === null || !sameClause(v, at, head)) continue;
      const dist = Math.abs(at - head);
      if (dist < best) {
        best = dist;
        out = { date: d.date, dateRule: d.rule, dateText: d.text };
      }
    }
    return out;
  },
};
