/**
 * The actors' stages:
 *   actors.match    dictionary pieces composed into actor mentions (layer `actors`);
 *   actors.resolve  after places: a context country for role-only mentions, then coreference
 *                   (layer `actorLinks`: one link per mention, plus the mentions coreference adds);
 *   actors.quotes   direct quotes and their speakers (layer `quotes`).
 */
import type { ActorLink, ActorLinks, Doc } from '../model/document.js';
import { byTextOrder } from '../model/entities.js';
import { defineStage } from '../model/stage.js';
import { contextCountries } from './context.js';
import { resolveCoreference } from './coref.js';
import { matchActors } from './match.js';
import { findQuotes } from './quotes.js';
import type { ActorRuleId } from './rules.js';

export const actorsMatch = defineStage({
  name: 'actors.match',
  requires: ['text', 'tokens', 'sentences'],
  assigns: ['actors'],
  resources: ['actors'],
  run: (doc, res) => ({ actors: byTextOrder(matchActors(doc, res)) }),
});

/** Context, then coreference, as one link per actor mention. */
export function resolveActors(doc: Doc): ActorLinks {
  const context = contextCountries(doc);
  const coref = resolveCoreference(doc, context);
  const links = context.map((c, i): ActorLink => {
    const rules: ActorRuleId[] = [];
    if (c.rule) rules.push(c.rule);
    const r = coref.refs[i];
    if (r) rules.push(r.rule);
    return { country: c.country, ref: r ? r.ref : null, rules };
  });
  return { links, added: coref.added };
}

export const actorsResolve = defineStage({
  name: 'actors.resolve',
  requires: ['text', 'tokens', 'sentences', 'actors', 'places'],
  assigns: ['actorLinks'],
  resources: [],
  run: (doc) => ({ actorLinks: resolveActors(doc) }),
});

export const actorsQuotes = defineStage({
  name: 'actors.quotes',
  requires: ['text', 'tokens', 'sentences', 'actors', 'places', 'actorLinks'],
  assigns: ['quotes'],
  resources: [],
  run: (doc) => ({ quotes: findQuotes(doc) }),
});
