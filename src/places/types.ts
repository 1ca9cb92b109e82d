/** The places area's types: the mention it returns, its options, and the working records of one call. */
import type { Gazetteer, Place } from './gazetteer.js';
import type { PlaceRuleId, RecogniseRuleId } from './rules.js';

/** What a place is. */
export type PlaceLevel = 'country' | 'region' | 'admin1' | 'admin2' | 'city' | 'feature';
/** How it is mentioned. */
export type PlaceForm = 'name' | 'demonym' | 'abbreviation' | 'dateline';

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  /** Canonical name of the resolved place. */
  name: string;
  lat: number;
  lon: number;
  /** ISO 3166-1 alpha-3. */
  country: string | null;
  geonameid: number | null;
  featureClass: string | null;
  /** What the place is (a country, a first- or second-level area, a town, a sea or other feature). */
  level: PlaceLevel;
  /** How the text names it: a name, a demonym ("Russian"), an abbreviation ("Tenn."), a dateline ("BEIJING —"). */
  form: PlaceForm;
  /** 0..1 */
  confidence: number;
  /** The rules that made the mention: the recognising rule first, then the resolving one. */
  rules: PlaceRuleId[];
  /** Display label of the resolving rule ("gazetteer/country", "context/same-country", …); never parsed. */
  rule: string;
}

export interface FindPlacesOptions {
  /** ISO-3 (or ISO-2) country of the outlet, when known. */
  outletCountry?: string | null;
  /** Spans the actor stage already knows are not places (people's names etc.). */
  exclude?: ReadonlyArray<{ start: number; end: number }>;
  /** Resolve each name by type and population alone (the eval's context-free baseline). */
  noContext?: boolean;
  /** Rules switched off (tests prove each rule matters by switching it off). */
  without?: readonly PlaceRuleId[];
}

export interface Tok {
  start: number;
  end: number;
  text: string;
  fold: string;
  cap: boolean;
  allCaps: boolean;
  /** Text between the previous token and this one. */
  gap: string;
  sentenceStart: boolean;
  titleLine: boolean;
  /** Follows "St. " / "Mt. " / "Ft. ": joined to the abbreviation. */
  afterAbbrev: boolean;
  /** Had a possessive ending ("Iraq's"), cut from `text`. */
  poss: boolean;
}

/** A candidate mention: tokens i..j-1 and the gazetteer entries it may be. */
export interface Match {
  i: number;
  /** Exclusive token index. */
  j: number;
  key: string;
  cands: number[];
  /** The rule that recognised it. */
  via: RecogniseRuleId;
  form: PlaceForm;
  /** Single common word ("Reading", "Mobile"): never a small town. */
  common: boolean;
  /** A locative word precedes it ("in", "near"). */
  cue: boolean;
  /** Restriction from "X, <admin>" / "X, <country>". */
  hint: Place | null;
  recog: number;
  /** Resolution key: the name key, or a hinted/county variant of it. */
  rkey: string;
  /** Followed by "County"/"Parish". */
  county: boolean;
  /** The admin region after a comma in "Seattle, Washington". */
  hintFor: boolean;
  /** End offset when the mention ends past its last token (the abbreviation's final dot). */
  endAt?: number;
}

/** Everything one `findPlaces` call shares between its rules. */
export interface Ctx {
  text: string;
  toks: Tok[];
  g: Gazetteer;
  opts: FindPlacesOptions;
  /** Is this rule on? */
  on(id: PlaceRuleId): boolean;
  /** Token index starting at a character offset. */
  tokAt: Map<number, number>;
  /** Words used in lower case somewhere in the text ("reading", "split"). */
  lowerUsed: Set<string>;
  /** Names the article uses for a person ("Jordan" after "Michael Jordan"). */
  personTokens: Set<string>;
  /** The outlet's ISO-3 country. */
  outlet: string | null;
  /** 1 for each token inside a span of `opts.exclude`. */
  excludedTokens: Uint8Array;
}

/** A new candidate mention over tokens i..j-1. */
export function newMatch(i: number, j: number, key: string, cands: number[], via: RecogniseRuleId): Match {
  return { i, j, key, cands, via, form: 'name', common: false, cue: false, hint: null, recog: 0.8, rkey: key, county: false, hintFor: false };
}
