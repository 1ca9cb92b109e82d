/**
 * Rows of the GDELT 2.0 event table (61 tab-separated columns, no header) from merged events, so
 * GDELT tooling can read Dyad's output. Columns Dyad does not produce are left empty (AvgTone = 0).
 *
 * Geography follows GDELT's conventions: `*Geo_CountryCode` and the prefix of `*Geo_ADM1Code` are
 * FIPS 10-4 country codes (Georgia is GG, Germany GM), from Dyad's own table data/places/fips.json
 * (converted from GeoNames' country information, CC BY 4.0). `ActionGeo_Type` is 1 for a country,
 * 3 for a place in the United States and 4 for a place elsewhere; a country's `ActionGeo_FeatureID`
 * is its FIPS code, as GDELT writes it.
 * Undated events (an undated article, no date in the text) take the publication date of their first
 * dated report, else the day they were added: GDELT's date columns are never empty.
 */
import { readFileSync } from 'node:fs';

export const GDELT_COLUMNS = [
  'GlobalEventID', 'Day', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode',
  'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode',
  'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale',
  'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code',
  'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code',
  'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code',
  'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
] as const;

/** The event columns (plus `is_root` and `gdelt_date`) a GDELT row is built from. */
export const GDELT_SOURCE_SQL = `
  SELECT e.*, coalesce(r.min_sentence, 99) <= 2 AS is_root,
    coalesce(e.date, r.first_article_date, CAST(e.first_seen AS DATE)) AS gdelt_date
  FROM events e
  LEFT JOIN (SELECT event_id, min(sentence) AS min_sentence, min(article_date) AS first_article_date
             FROM mentions GROUP BY event_id) r ON r.event_id = e.id`;

interface FipsEntry {
  fips: string;
  iso2: string;
  name: string;
}

let FIPS: Record<string, FipsEntry> | null = null;

/** ISO 3166-1 alpha-3 → FIPS 10-4 country code table (data/places/fips.json), read once. */
function fipsTable(): Record<string, FipsEntry> {
  FIPS ??= (JSON.parse(readFileSync(new URL('../../data/places/fips.json', import.meta.url), 'utf8')) as { countries: Record<string, FipsEntry> }).countries;
  return FIPS;
}

/** The FIPS 10-4 code GDELT uses for an ISO-3 country ('' when unknown). */
export function fipsCountry(iso3: unknown): string {
  const c = clean(iso3);
  if (!c) return '';
  return fipsTable()[c]?.fips ?? '';
}

/** A stable positive integer from the hex merged-event id (52 bits, exact in a double). */
export function globalEventId(id: string): number {
  return parseInt(id.replace(/[^0-9a-f]/gi, '').slice(0, 13) || '0', 16);
}

function clean(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v).replace(/[\t\r\n]+/g, ' ');
}

const KNOWN_GROUP = /^(IGO|NGO|IMG|MNC)/;

function actorCols(code: unknown, name: unknown, country: unknown, role: unknown): string[] {
  const c = clean(code);
  const roles = clean(role) || (c.length > 3 && country ? c.slice(3) : '');
  const types = roles.match(/.{1,3}/g) ?? [];
  const known = !country && KNOWN_GROUP.test(c) ? c.slice(3, 6) : '';
  return [c, clean(name).toUpperCase(), clean(country), known, '', '', '', types[0] ?? '', types[1] ?? '', types[2] ?? ''];
}

function ymd(date: unknown): { day: string; monthYear: string; year: string; fraction: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(clean(date));
  if (!m) return { day: '', monthYear: '', year: '', fraction: '' };
  const y = Number(m[1]);
  const start = Date.UTC(y, 0, 1);
  const doy = Math.floor((Date.UTC(y, Number(m[2]) - 1, Number(m[3])) - start) / 86_400_000) + 1;
  return { day: `${m[1]}${m[2]}${m[3]}`, monthYear: `${m[1]}${m[2]}`, year: m[1]!, fraction: (y + doy / 365).toFixed(4) };
}

/** ActionGeo's 8 columns for a stored location: type, name, FIPS country, ADM1, ADM2, lat, lon, feature id. */
function actionGeo(e: Record<string, unknown>): string[] {
  if (typeof e['lat'] !== 'number' || typeof e['lon'] !== 'number') return ['0', '', '', '', '', '', '', ''];
  const iso3 = clean(e['location_country']);
  const fips = fipsCountry(iso3);
  const name = clean(e['location_name']);
  const isCountry = iso3 !== '' && fipsTable()[iso3]?.name.toLowerCase() === name.toLowerCase();
  const type = isCountry ? '1' : iso3 === 'USA' ? '3' : '4';
  return [type, name, fips, fips, '', clean(e['lat']), clean(e['lon']), isCountry ? fips : ''];
}

/** One merged event row (from GDELT_SOURCE_SQL) → the 61 GDELT fields. */
export function gdeltRow(e: Record<string, unknown>): string[] {
  const d = ymd(e['gdelt_date'] ?? e['date']);
  const cameo = clean(e['cameo']);
  const added = clean(e['first_seen']).replace(/\D/g, '').slice(0, 14).padEnd(14, '0');
  const emptyGeo = ['0', '', '', '', '', '', '', ''];
  return [
    String(globalEventId(clean(e['id']))), d.day, d.monthYear, d.year, d.fraction,
    ...actorCols(e['source_code'], e['source_name'], e['source_country'], e['source_role']),
    ...actorCols(e['target_code'], e['target_name'], e['target_country'], e['target_role']),
    e['is_root'] ? '1' : '0', cameo, cameo.slice(0, 3), clean(e['root']) || cameo.slice(0, 2),
    clean(e['quad_class']), clean(e['goldstein']),
    clean(e['num_mentions']), clean(e['num_sources']), clean(e['num_articles']), '0',
    ...emptyGeo,
    ...emptyGeo,
    ...actionGeo(e),
    added, clean(e['source_url']),
  ];
}
