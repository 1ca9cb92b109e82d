/**
 * The actors' rules, registered once: every id that can appear on an actor mention, with the
 * phase it belongs to, why it exists, and the piece of the published `rule` string it stands for.
 *
 * Phases run in this order: match (dictionary pieces) → compose (pieces into mentions) →
 * context (a country for role-only mentions) → coreference (later mentions to the first full one).
 * A mention carries `rules: ActorRuleId[]`; the published string is derived by `ruleString`:
 * the last rule whose label is a head ("actors/…", "coref/…") followed by the suffixes after it
 * ("+role", "+name"…). No code reads the string back.
 */

export type ActorPhase = 'compose' | 'context' | 'coreference';

export interface ActorRuleRecord {
  phase: ActorPhase;
  /** The piece of the published rule string: a head ("actors/country") or a suffix ("+role"); '' publishes nothing. */
  label: string;
  reason: string;
}

export const ACTOR_RULES = {
  country: { phase: 'compose', label: 'actors/country', reason: 'A country name on its own is the country ("France accused…").' },
  adjective: { phase: 'compose', label: 'actors/adjective', reason: 'A country adjective before a noun the dictionaries do not know stands for its country ("French warships").' },
  demonym: { phase: 'compose', label: 'actors/demonym', reason: 'A demonym on its own is the country\'s civilians ("Armenians fled").' },
  'demonym-modifier': { phase: 'compose', label: 'actors/demonym-modifier', reason: 'A demonym used as an adjective stands for its country ("Israeli helicopters").' },
  'ethnic-demonym': { phase: 'compose', label: 'actors/ethnic-demonym', reason: 'CAMEO codes an ethnic group by where it lives, not by its kin state ("ethnic Albanians").' },
  'capital-metonym': { phase: 'compose', label: 'actors/capital-metonym', reason: 'A capital acting is its government ("Ankara denied"), unless a place preposition precedes it.' },
  'seat-metonym': { phase: 'compose', label: 'actors/seat-metonym', reason: 'A seat of power is its government ("the Elysee", "the Kremlin").' },
  person: { phase: 'compose', label: 'actors/person', reason: 'A dictionary person, with the office held at the article\'s date.' },
  'person-alias': { phase: 'compose', label: 'actors/person-alias', reason: 'A bare surname of a person already introduced or in office at the date ("Le Drian").' },
  role: { phase: 'compose', label: 'actors/role', reason: 'A role word on its own ("police", "the rebels"); context may give it a country.' },
  'role-of-country': { phase: 'compose', label: 'actors/role-of-country', reason: '"the president of Azerbaijan": a role word with its country after of/from.' },
  'adjective-role': { phase: 'compose', label: 'actors/adjective+role', reason: 'A country adjective before a role word ("Turkish police").' },
  'country-role': { phase: 'compose', label: 'actors/country+role', reason: 'A country name or possessive before a role word ("Armenia\'s army").' },
  'demonym-role': { phase: 'compose', label: 'actors/demonym+role', reason: 'A demonym before a role word.' },
  'modifier-chain-role': { phase: 'compose', label: 'actors/modifier-chain+role', reason: 'Modifiers joined by and/or share the plural role that follows ("Hungarian and Romanian officials").' },
  igo: { phase: 'compose', label: 'actors/igo', reason: 'An intergovernmental organisation of the dictionaries.' },
  ngo: { phase: 'compose', label: 'actors/ngo', reason: 'A non-governmental organisation of the dictionaries.' },
  group: { phase: 'compose', label: 'actors/group', reason: 'A named group (party, armed group…) of the dictionaries.' },
  'org-role': { phase: 'compose', label: '+role', reason: 'An organisation before a role word acts through it ("NATO troops").' },
  'title-person': { phase: 'compose', label: '+person', reason: 'A personal title before a dictionary person ("Foreign Minister Jean-Yves Le Drian"); the title in the text wins.' },
  'title-name': { phase: 'compose', label: '+name', reason: 'A personal title before a capitalised name the dictionaries do not know ("Judge Alejandro Rivera").' },
  'of-country': { phase: 'compose', label: '+of-country', reason: '"King Hassan of Morocco": the country after the titled name.' },
  'sentence-country': { phase: 'context', label: '+sentence-country', reason: 'A domestic role-only actor belongs to the country its sentence is about.' },
  'article-country': { phase: 'context', label: '+article-country', reason: 'Failing that, to the article\'s most mentioned country (never for armed actors).' },
  'same-name': { phase: 'coreference', label: '', reason: 'A later mention of a person\'s name or alias refers to the first full mention.' },
  surname: { phase: 'coreference', label: 'coref/surname', reason: 'The surname of a titled person no dictionary knows ("Aliyev said") refers to the titled mention.' },
  pronoun: { phase: 'coreference', label: 'coref/pronoun', reason: '"He", "she" refer to the most recent person within a few sentences.' },
  'definite-role': { phase: 'coreference', label: 'coref/definite-role', reason: '"the minister", "the French leader" refer to the most recent person whose office matches.' },
} as const satisfies Record<string, ActorRuleRecord>;

export type ActorRuleId = keyof typeof ACTOR_RULES;

/** The published rule string of a mention's rules. */
export function ruleString(rules: readonly ActorRuleId[]): string {
  let out = '';
  for (const id of rules) {
    const label: string = ACTOR_RULES[id].label;
    if (label.startsWith('+')) out += label;
    else if (label !== '') out = label;
  }
  return out;
}
