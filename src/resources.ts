/**
 * Compiled resources (actor dictionaries, codebook, lexicon), built once per set of user files
 * and shared by every document. The cache holds at most a few entries (one per distinct set of
 * user files), so a long-running server does not grow.
 */
import { loadActorDictionaries } from './actors/dictionary.js';
import { compileActorLexicon, type ActorLexicon } from './actors/lexicon.js';
import { loadCodebook, type CodebookEntry } from './events/codebook.js';
import { loadLexicon, type Lexicon } from './events/lexicon.js';

export interface ResourceOptions {
  /** User actor dictionary files (JSONL), in addition to the built-in ones. */
  dictFiles?: string[];
  /** User verb-pattern files (JSONL), in addition to the built-in lexicon. */
  lexiconFiles?: string[];
}

export interface Resources {
  actors: ActorLexicon;
  codebook: Map<string, CodebookEntry>;
  lexicon: Lexicon;
  version: string;
}

const MAX_CACHED = 4;
const cache = new Map<string, Resources>();

export function getResources(opts: ResourceOptions = {}): Resources {
  const key = JSON.stringify([opts.dictFiles ?? [], opts.lexiconFiles ?? []]);
  const hit = cache.get(key);
  if (hit) return hit;
  const dict = loadActorDictionaries({ extraFiles: opts.dictFiles ?? [] });
  const lexicon = loadLexicon({ extraFiles: opts.lexiconFiles ?? [] });
  const res: Resources = {
    actors: compileActorLexicon(dict),
    codebook: loadCodebook(),
    lexicon,
    version: `actors:${dict.version}+lexicon:${lexicon.version}`,
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, res);
  return res;
}
