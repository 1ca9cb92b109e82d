/**
 * The events' stages:
 *   events.code    triggers, arguments, modality, CAMEO recoding and dates (src/events/coder.ts),
 *                  then one event per act reported several times (src/events/merge.ts);
 *   events.locate  where each event happened (src/events/locate.ts).
 */
import { defineStage } from '../model/stage.js';
import { codeEvents } from './coder.js';
import { mergeEvents } from './merge.js';

export const eventsCode = defineStage({
  name: 'events.code',
  requires: ['text', 'tokens', 'sentences', 'actors', 'places', 'actorLinks', 'dates'],
  assigns: ['events', 'nonEvents'],
  resources: ['actors', 'codebook', 'lexicon', 'version'],
  run(doc, res) {
    const coded = codeEvents(doc, res);
    return { events: mergeEvents(coded.events), nonEvents: coded.rejected };
  },
});

export { eventsLocate } from './locate.js';
