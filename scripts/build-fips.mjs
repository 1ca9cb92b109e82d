// Dev-time converter (run once; its output is committed): GeoNames' country table
// (../shared/reference/geonames-countryInfo.txt, CC BY 4.0, geonames.org) → data/places/fips.json,
// the ISO 3166-1 alpha-3 → FIPS 10-4 country codes that GDELT writes in *Geo_CountryCode and as the
// prefix of *Geo_ADM1Code. Usage: node scripts/build-fips.mjs [path-to-countryInfo.txt]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const src = process.argv[2] ?? fileURLToPath(new URL('../../shared/reference/geonames-countryInfo.txt', import.meta.url));
const out = fileURLToPath(new URL('../data/places/fips.json', import.meta.url));
const codes = {};
for (const line of readFileSync(src, 'utf8').split('\n')) {
  if (line.startsWith('#') || !line.trim()) continue;
  const f = line.split('\t');
  const [iso2, iso3, , fips, name] = f;
  if (!/^[A-Z]{3}$/.test(iso3 ?? '') || !/^[A-Z]{2}$/.test(fips ?? '')) continue;
  codes[iso3] = { fips, iso2, name };
}
const sorted = Object.fromEntries(Object.entries(codes).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(
  out,
  JSON.stringify(
    {
      version: 1,
      description: 'ISO 3166-1 alpha-3 to FIPS 10-4 country codes, as GDELT writes them in *Geo_CountryCode and *Geo_ADM1Code.',
      source: 'GeoNames country information (countryInfo.txt), geonames.org, CC BY 4.0',
      countries: sorted,
    },
    null,
    1,
  ) + '\n',
);
console.log(`fips: ${Object.keys(sorted).length} countries → ${out}`);
