/**
 * Datelines: the "PLACE, DATE (AGENCY) —" that opens a wire or newspaper story
 * ("PORT SUDAN, June 11, 2024 - …", "ISLAMABAD, May 14 (Reuters) -", "KYIV (AP) —",
 * "CAMBRIDGE, Mass. (AP) —", "BEIJING --"). Recognised at the start of the body, recorded,
 * and removed from the sentence that is coded: a dateline is where a report was filed, not an act.
 *
 * A dateline needs a separator (a dash or "--") and either an all-capitals place or an agency in
 * brackets, so that an ordinary opening ("Paris, the French capital, …") is never taken for one.
 */

export interface Dateline {
  /** The place as written ("PORT SUDAN", "Kyiv"), with its region or country if given ("Mass."). */
  place: string;
  region: string | null;
  /** YYYY-MM-DD when the dateline states a full date, or a month and day and a reference year is known. */
  date: string | null;
  /** The date as written ("June 11, 2024"), or null. */
  dateText: string | null;
  /** The agency in brackets ("Reuters", "AP"), or null. */
  agency: string | null;
  /** The whole dateline as written, separator included. */
  text: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
const MONTH = '(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE = `(?<date>${MONTH}\\s+(?<day>\\d{1,2})(?:,?\\s+(?<year>\\d{4}))?|(?<day2>\\d{1,2})\\s+${MONTH.replace('<month>', '<month2>')}(?:\\s+(?<year2>\\d{4}))?)`;
/** An all-capitals place: "WASHINGTON", "PORT SUDAN", "ST. PETERSBURG", "N'DJAMENA", "AL-FASHER". */
const CAPS_PLACE = "(?<caps>[A-Z][A-Z.'\\u2019-]*(?:\\s+[A-Z][A-Z.'\\u2019-]*){0,3})";
/** A place in title case, only with an agency after it: "Kyiv (Reuters) -", "Gaza City (AFP) —". */
const TITLE_PLACE = "(?<title>[A-Z][a-z\\u00e0-\\u00ff'\\u2019-]+(?:\\s+[A-Z][a-z\\u00e0-\\u00ff'\\u2019-]+){0,2})";
const REGION = "(?:,\\s*(?<region>[A-Z][A-Za-z.]*(?:\\s+[A-Z][A-Za-z.]*){0,2}))";
const AGENCY = '(?:\\s*\\((?<agency>[A-Za-z][A-Za-z .&/-]{0,24})\\))';
const SEP = '\\s*(?:--|[-\\u2013\\u2014\\u2015]|:)\\s+';

const WITH_CAPS = new RegExp(`^${CAPS_PLACE}${REGION}?(?:,\\s*${DATE})?${AGENCY}?${SEP}`);
const WITH_AGENCY = new RegExp(`^${TITLE_PLACE}${REGION}?(?:,\\s*${DATE})?${AGENCY}${SEP}`);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function resolveDate(month: string | undefined, day: string | undefined, year: string | undefined, referenceYear: number | null): string | null {
  if (!month || !day) return null;
  const m = MONTHS[month.toLowerCase().replace(/\.$/, '')];
  const d = Number(day);
  const y = year ? Number(year) : referenceYear;
  if (!m || !y || d < 1 || d > 31) return null;
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  const t = new Date(iso + 'T00:00:00Z');
  return Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso ? null : iso;
}

/**
 * The dateline opening `paragraph`, or null. `referenceYear` (the publication year, when known)
 * completes a month and day without a year ("ISLAMABAD, May 14 (Reuters) -").
 */
export function parseDateline(paragraph: string, referenceYear: number | null = null): Dateline | null {
  const m = WITH_CAPS.exec(paragraph) ?? WITH_AGENCY.exec(paragraph);
  if (!m || !m.groups) return null;
  const g = m.groups;
  const caps = g['caps'];
  // An all-capitals opening needs a letter run of two or more ("A -" is no place) and no lower case.
  if (caps !== undefined && (!/[A-Z]{2}/.test(caps) || /^(?:UPDATE|BREAKING|EXCLUSIVE|WATCH|LIVE|ANALYSIS|OPINION|EDITORIAL)$/.test(caps))) return null;
  if (m[0].length >= paragraph.length) return null;
  const month = g['month'] ?? g['month2'];
  const day = g['day'] ?? g['day2'];
  const year = g['year'] ?? g['year2'];
  return {
    place: (caps ?? g['title'] ?? '').trim(),
    region: g['region']?.trim() ?? null,
    date: resolveDate(month, day, year, referenceYear),
    dateText: g['date']?.trim() ?? null,
    agency: g['agency']?.trim() ?? null,
    text: m[0].trimEnd(),
  };
}
