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

/** A date mention before the tense of its clause is known: a bare weekday keeps both readings. */
export interface DateCandidate extends DateMention {
  weekday: { last: string; next: string } | null;
}

/** Both readings of a bare weekday `wd` (0 = Sunday) around `reference`. */
function weekdayReadings(reference: string, wd: number): { last: string; next: string } {
  const refWd = weekdayOf(reference);
  let ahead = (wd - refWd + 7) % 7;
  if (ahead === 0) ahead = 7;
  return { last: addDays(reference, -((refWd - wd + 7) % 7)), next: addDays(reference, ahead) };
}

/** Day, rule and weekday readings of one chrono result. */
function resolveResult(r: chrono.ParsedResult, reference: string): Omit<DateCandidate, 'start' | 'end' | 'text' | 'year'> {
  const c = r.start;
  if (c.isCertain('weekday') && !c.isCertain('day')) {
    const weekday = weekdayReadings(reference, c.get('weekday')!);
    return { date: weekday.last, rule: 'date/weekday-last', weekday };
  }
  if (c.isCertain('day') || c.isCertain('month')) {
    return { date: iso(c.get('year')!, c.get('month')!, c.get('day')!), rule: c.isCertain('year') ? 'date/stated' : 'date/stated-year-implied', weekday: null };
  }
  // "This week" is a period that contains the publication day, not a day: keep the reference.
  if (/\b(?:this|the)\s+(?:week|month|year|weekend)\b/i.test(r.text)) return { date: reference, rule: 'date/current-period', weekday: null };
  return { date: iso(c.get('year')!, c.get('month')!, c.get('day')!), rule: 'date/relative-period', weekday: null };
}

/** Date expressions in `text`, resolved against `reference` (YYYY-MM-DD), weekdays undecided. */
export function findDateCandidates(text: string, reference: string | null): DateCandidate[] {
  if (!DATE_HINT.test(text)) return [];
  const out: DateCandidate[] = [];
  const dec = DECADE.exec(text);
  if (dec) out.push({ start: dec.index, end: dec.index + dec[0].length, text: dec[0], date: null, year: Number(dec[1]), rule: 'date/decade', weekday: null });
  const yo = YEAR_ONLY.exec(text);
  if (yo) out.push({ start: yo.index, end: yo.index + yo[0].length, text: yo[0], date: null, year: Number(yo[1]), rule: 'date/year', weekday: null });
  if (reference === null) return out;
  const ref = { instant: new Date(reference + 'T12:00:00Z'), timezone: 0 };
  let results: chrono.ParsedResult[];
  try {
    results = chrono.parse(text, ref, { forwardDate: false });
  } catch {
    return out;
  }
  for (const r of results) {
    const start = r.index;
    const end = r.index + r.text.length;
    if (out.some((o) => o.start < end && start < o.end)) continue;
    const d = resolveResult(r, reference);
    out.push({ start, end, text: r.text, ...d, year: Number(d.date!.slice(0, 4)) });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** A candidate with its weekday reading chosen: the next such day in a future clause. */
export function chooseReading(d: DateCandidate, future: (offset: number) => boolean): DateMention {
  const out: DateMention = { start: d.start, end: d.end, text: d.text, date: d.date, year: d.year, rule: d.rule };
  if (d.weekday && future(d.start)) {
    out.date = d.weekday.next;
    out.year = Number(d.weekday.next.slice(0, 4));
    out.rule = 'date/weekday-next';
  }
  return out;
}

/**
 * Date expressions in `text`, resolved against `reference` (YYYY-MM-DD).
 * `future` says whether the clause is in the future tense, for bare weekdays.
 */
export function findDates(text: string, reference: string | null, future: (offset: number) => boolean): DateMention[] {
  return findDateCandidates(text, reference).map((d) => chooseReading(d, future));
}
