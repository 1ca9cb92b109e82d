/**
 * events.merge: one event, many mentions. The headline, standfirst and lead often report one act;
 * events with the same source, target, CAMEO root and date merge into the first, which counts
 * `mentions` and lists every reporting sentence (the merge rules of src/events/rules.ts decide
 * what the first takes from each later mention).
 */
import type { CodedEvent } from '../model/document.js';
import { MERGE_RULES } from './rules.js';

export function mergeKey(e: CodedEvent): string {
  return [e.source?.code ?? '-', e.target?.code ?? '-', e.root, e.date ?? '-'].join('|');
}

/** The first event with `e` merged into it, by the merge rules, in order. */
function mergeInto(first: CodedEvent, e: CodedEvent): CodedEvent {
  let merged = first;
  for (const rule of MERGE_RULES) {
    const r = rule.apply(merged, e);
    if (!r) continue;
    merged = { ...merged, ...r };
    if (!merged.rules?.includes(rule.id)) merged.rules = [...(merged.rules ?? []), rule.id];
  }
  return merged;
}

/** The events of one document with every later report of the same act merged into the first. */
export function mergeEvents(events: readonly CodedEvent[]): CodedEvent[] {
  const byKey = new Map<string, number>();
  const out: CodedEvent[] = [];
  for (const e of events) {
    const key = mergeKey(e);
    const at = byKey.get(key);
    if (at !== undefined) {
      out[at] = mergeInto(out[at]!, e);
      continue;
    }
    byKey.set(key, out.length);
    out.push(e);
  }
  return out;
}
