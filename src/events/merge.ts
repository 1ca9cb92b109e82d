/**
 * events.merge: one event, many mentions. The headline, standfirst and lead often report one act;
 * events with the same source, target, CAMEO root and date merge into the first, which counts
 * `mentions` and lists every reporting sentence.
 */
import type { CodedEvent } from '../model/document.js';

export function mergeKey(e: CodedEvent): string {
  return [e.source?.code ?? '-', e.target?.code ?? '-', e.root, e.date ?? '-'].join('|');
}

export function mergeEvents(events: readonly CodedEvent[]): CodedEvent[] {
  const byKey = new Map<string, CodedEvent>();
  const out: CodedEvent[] = [];
  for (const e of events) {
    const key = mergeKey(e);
    const first = byKey.get(key);
    if (first) {
      first.mentions += e.mentions;
      for (const s of e.sentences ?? [e.sentence]) if (!first.sentences!.includes(s)) first.sentences!.push(s);
      // A stated date beats the publication-date default.
      if (first.dateRule === 'date/publication' && e.dateRule !== 'date/publication') {
        first.dateRule = e.dateRule ?? null;
        first.dateText = e.dateText ?? null;
      }
      continue;
    }
    byKey.set(key, e);
    out.push(e);
  }
  return out;
}
