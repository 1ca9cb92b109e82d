/**
 * Event dates from the event's own clause, resolved against the publication date (never the
 * clock). chrono-node finds the expressions; the past/future rule is ours: a bare weekday ("on
 * Monday") is the last such day in a past-tense clause and the next one in a future clause.
 * Stated values and inferred ones are kept apart in `rule`.
 */
// The English locale only: the package root also loads fifteen other locales (several times the import time).
import * as chrono from 'chrono-node/en';

export interface DateMention {
  /** Offsets relative to the string parsed. */
  start: number;
  end: number;
  text: string;
  /** Resolved day, YYYY-MM-DD, or null for periods that are not a day ("the 1990s"). */
  date: string | null;
  /** Year of a period or of a full date (for the historical rule). */
  year: number | null;
  rule: string;
}

/** Cheap pre-filter: only strings with a date-like word go to chrono. */
const DATE_HINT =
  /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\btoday\b|\btonight\b|\btomorrow\b|\byesterday\b|\b(?:last|next|this|previous|coming)\s+(?:week|month|year|weekend)|\bago\b|\b(?:1[89]|20)\d\d(?:s)?\b|\b\d{4}-\d{2}-\d{2}\b/i;

const DECADE = /\b(?:in\s+(?:the\s+|a\s+)?)?((?:1[89]|20)\d0)s\b/i;
const YEAR_ONLY = /\b(?:in|since|during|of)\s+((?:1[89]|20)\d\d)\b(?![-/]\d)/i;

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function addDays(date: string, days: number): string {
  const t = new Date(date + 'T12:00:00Z');
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

function weekdayOf(date: string): number {
  return new Date(date + 'T12:00:00Z').getUTCDay();
}

/**
 * Date expressions in `text`, resolved against `reference` (YYYY-MM-DD).
 * `future` says whether the clause is in the future tense, for bare weekdays.
 */
export function findDates(text: string, reference: string | null, future: (offset: number) => boolean): DateMention[] {
  if (!DATE_HINT.test(text)) return [];
  const out: DateMention[] = [];
  const dec = DECADE.exec(text);
  if (dec) out.push({ start: dec.index, end: dec.index + dec[0].length, text: dec[0], date: null, year: Number(dec[1]), rule: 'date/decade' });
  const yo = YEAR_ONLY.exec(text);
  if (yo) out.push({ start: yo.index, end: yo.index + yo[0].length, text: yo[0], date: null, year: Number(yo[1]), rule: 'date/year' });
  if (reference === null) return out;
  const ref = { instant: new Date(reference + 'T12:00:00Z'), timezone: 0 };
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(text, ref, { forwardDate: false });
  } catch {
    return out;
  }
  for (const r of results) {
    const c = r.start;
    const start = r.index;
    const end = r.index + r.text.length;
    if (out.some((o) => o.start < end && start < o.end)) continue;
    let date: string;
    let rule: string;
    if (c.isCertain('weekday') && !c.isCertain('day')) {
      const wd = c.get('weekday')!;
      const refWd = weekdayOf(reference);
      if (future(start)) {
        let delta = (wd - refWd + 7) % 7;
        if (delta === 0) delta = 7;
        date = addDays(reference, delta);
        rule = 'date/weekday-next';
      } else {
        const delta = (refWd - wd + 7) % 7;
        date = addDays(reference, -delta);
        rule = 'date/weekday-last';
      }
    } else if (c.isCertain('day') || c.isCertain('month')) {
      date = iso(c.get('year')!, c.get('month')!, c.get('day')!);
      rule = c.isCertain('year') ? 'date/stated' : 'date/stated-year-implied';
    } else if (/\b(?:this|the)\s+(?:week|month|year|weekend)\b/i.test(r.text)) {
      // "This week" is a period that contains the publication day, not a day: keep the reference.
      date = reference;
      rule = 'date/current-period';
    } else {
      date = iso(c.get('year')!, c.get('month')!, c.get('day')!);
      rule = 'date/relative-period';
    }
    out.push({ start, end, text: r.text, date, year: Number(date.slice(0, 4)), rule });
  }
  return out.sort((a, b) => a.start - b.start);
}
