/**
 * The resources of the stages (actor lexicon, codebook, event lexicon), read from the tables
 * compiled by `npm run build` (src/build/table.ts) and shared by every document. Each is loaded
 * lazily, on the first access to its property: a stage that never asks for a resource never
 * loads it, so `getResources(opts)` costs nothing until a stage reads from it. The cache holds at
 * most a few entries (one per distinct set of user files), so a long-running server does not grow.
 */
import { loadActorLexicon } from './actors/table.js';
import type { ActorLexicon } from './actors/lexicon.js';
import { loadCodebook, type CodebookEntry } from './events/codebook.js';
import { loadLexicon, type Lexicon } from './events/lexicon.js';

export interface ResourceOptions {
  /** User actor dictionary files (JSONL), in addition to the built-in ones. */
  dictFiles?: string[];
  /** User verb-pattern files (JSONL), in addition to the built-in lexicon. */
  lexiconFiles?: string[];
}

export interface Resources {
  readonly actors: ActorLexicon;
  readonly codebook: Map<string, CodebookEntry>;
  readonly lexicon: Lexicon;
  /** Versions of the dictionaries and of the lexicon (loads both). */
  readonly version: string;
}

const MAX_CACHED = 4;
const cache = new Map<string, Resources>();

/** One value computed on first use. */
function once<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

function lazyResources(opts: ResourceOptions): Resources {
  const actors = once(() => loadActorLexicon({ extraFiles: opts.dictFiles ?? [] }));
  const lexicon = once(() => loadLexicon({ extraFiles: opts.lexiconFiles ?? [] }));
  return {
    get actors() {
      return actors().lexicon;
    },
    get codebook() {
      return loadCodebook();
    },
    get lexicon() {
      return lexicon();
    },
    get version() {
      return `actors:${actors().version}+lexicon:${lexicon().version}`;
    },
  };
}

export function getResources(opts: ResourceOptions = {}): Resources {
  const key = JSON.stringify([opts.dictFiles ?? [], opts.lexiconFiles ?? []]);
  const hit = cache.get(key);
  if (hit) return hit;
  const res = lazyResources(opts);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(key, res);
  return res;
}
