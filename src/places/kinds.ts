/** Facts about kinds of place: which are administrative areas, their level, and the type prior of resolution. */
import type { Gazetteer, Place } from './gazetteer.js';
import type { PlaceLevel } from './types.js';

const ADMIN_KINDS = new Set(['state', 'province', 'nation', 'territory', 'district', 'oblast', 'governorate']);
/** Kinds that cover an area a town of the same name loses to ("Atlantic", "Pacific"). */
const AREA_KINDS = new Set(['sea', 'ocean', 'continent', 'river', 'mountains', 'desert', 'lake', 'canal', 'region', 'conflict-area']);
const FEATURE_KINDS = new Set(['sea', 'ocean', 'lake', 'river', 'canal', 'mountains', 'desert', 'feature']);

/** A state, province or other first-level area (or a district of a city-state). */
export const isAdminKind = (p: Place): boolean => ADMIN_KINDS.has(p.kind);

/** What the place is, for consumers (event location reads this, never a rule). */
export function levelOf(p: Place): PlaceLevel {
  if (p.kind === 'country') return 'country';
  if (p.kind === 'city') return 'city';
  if (FEATURE_KINDS.has(p.kind)) return 'feature';
  if (p.kind === 'county' || p.kind === 'district' || p.featureCode === 'ADM2') return 'admin2';
  if (isAdminKind(p)) return 'admin1';
  return 'region';
}

/** Is place p inside the hinted admin region or country? */
export function inside(p: Place, hint: Place): boolean {
  if (hint.kind === 'country') return p.country === hint.country && p.kind !== 'country';
  return p.country === hint.country && p.kind === 'city' && p.admin1 === hint.admin1;
}

const KIND_PRIOR: Record<string, number> = {
  country: 5,
  state: 3,
  province: 3,
  oblast: 3,
  governorate: 3,
  nation: 3.2,
  territory: 3,
  district: 3,
  county: 2,
  region: 3,
  'conflict-area': 3.2,
  continent: 3.5,
  sea: 3,
  ocean: 3,
  lake: 2.5,
  river: 2.5,
  canal: 2.5,
  mountains: 2.5,
  desert: 2.5,
};

/** Candidate-set facts that change a city's prior. */
export interface Rivals {
  country: boolean;
  /** A sea, ocean, continent, river, range or wide region shares the name. */
  area: boolean;
}

export const rivalsOf = (cands: readonly Place[]): Rivals => ({
  country: cands.some((p) => p.kind === 'country'),
  area: cands.some((p) => AREA_KINDS.has(p.kind)),
});

/** The type-and-population prior of candidate p for the name `key`. */
export function prior(g: Gazetteer, p: Place, key: string, rivals: Rivals, on: (id: 'largest-population' | 'alias') => boolean): number {
  let s: number;
  if (p.kind === 'city') {
    s = on('largest-population') ? 0.5 * Math.log10(p.population + 10) : 0;
    if (p.featureCode === 'PPLC') s += 1.2;
    else if (p.featureCode === 'PPLA') s += 0.4;
    else if (p.featureCode === 'PPLA2') s += 0.15;
    else if (p.featureCode === 'PPLX') s -= 0.3;
    // A town named like a country ("China, Maine") needs strong local evidence to win.
    if (rivals.country) s -= 2.5;
    else if (rivals.area) s -= 1.5;
  } else s = KIND_PRIOR[p.kind] ?? 2.5;
  // Same-named US counties ("Walker County" in five states): the more populous first, as towns.
  if (p.kind === 'county' && p.country === 'USA' && on('largest-population')) s += 0.2 * Math.log10(p.population + 10);
  if (on('alias') && g.preferred.get(key) === p.idx) s += 2;
  return s;
}
