/**
 * Command-line inputs (paths, '-', URLs, feed URLs) → one lazy stream of source items.
 */
import { errorMessage } from '../model/errors.js';
import { Fetcher } from './fetch.js';
import { looksLikeFeed, parseFeed, type FeedItem } from './feeds.js';
import { hashOf, readPath, stdinItems, type ReadOptions } from './files.js';
import type { SourceItem } from './types.js';

export interface SourceOptions {
  fetcher?: Fetcher;
  /** Already stored? Checked before a URL is fetched. */
  seenUrl?: (url: string) => Promise<boolean>;
  /** Reads stdin when '-' is given. */
  stdin?: () => Promise<Buffer>;
  /** Limits of the file readers (record size, failures per file). */
  read?: ReadOptions;
}

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

/** A URL that could not be fetched, as a failure item (the reason without the URL it repeats). */
function fetchFailure(url: string, e: unknown): SourceItem {
  return { kind: 'failure', source: url, reason: errorMessage(e).replace(`${url}: `, '') };
}

/** Fetch one article page → a job (or a failure). `hint` carries the feed item's title and date. */
async function* urlItems(url: string, opts: SourceOptions, fetcher: Fetcher, hint?: FeedItem): AsyncGenerator<SourceItem> {
  if (opts.seenUrl && (await opts.seenUrl(url))) {
    yield { kind: 'skip', source: url };
    return;
  }
  let page;
  try {
    page = await fetcher.get(url);
  } catch (e) {
    yield fetchFailure(url, e);
    return;
  }
  const head = page.body.subarray(0, 2000).toString('latin1');
  if (!hint && looksLikeFeed(head, page.contentType)) {
    yield* feedEntries(url, page.body.toString('utf8'), opts, fetcher);
    return;
  }
  yield {
    kind: 'job',
    job: {
      source: url,
      url: page.url,
      title: hint?.title ?? null,
      date: hint?.date ?? null,
      outlet: null,
      bytes: page.body,
      contentType: page.contentType,
      rawHash: hashOf(page.url, page.body),
    },
  };
}

async function* feedEntries(feedUrl: string, xml: string, opts: SourceOptions, fetcher: Fetcher): AsyncGenerator<SourceItem> {
  let items: FeedItem[];
  try {
    items = parseFeed(xml, feedUrl);
  } catch (e) {
    yield { kind: 'failure', source: feedUrl, reason: `bad feed: ${errorMessage(e)}` };
    return;
  }
  // Fetch up to FETCH_CONCURRENCY pages at once (the fetcher still spaces requests to one host).
  const one = async (it: FeedItem): Promise<SourceItem[]> => {
    const out: SourceItem[] = [];
    for await (const x of urlItems(it.url, opts, fetcher, it)) out.push(x);
    return out;
  };
  const running = new Map<number, Promise<{ k: number; out: SourceItem[] }>>();
  let next = 0;
  while (next < items.length || running.size > 0) {
    while (running.size < FETCH_CONCURRENCY && next < items.length) {
      const k = next++;
      running.set(k, one(items[k]!).then((out) => ({ k, out })));
    }
    const { k, out } = await Promise.race(running.values());
    running.delete(k);
    yield* out;
  }
}

/** Article pages fetched in parallel from one feed (different hosts proceed independently). */
const FETCH_CONCURRENCY = 4;

/** Fetch a feed and every article it links to (skipping stored ones). The feed's own URL is trusted. */
export async function* feedItems(feedUrl: string, opts: SourceOptions): AsyncGenerator<SourceItem> {
  const fetcher = opts.fetcher ?? new Fetcher();
  fetcher.trust(feedUrl);
  let page;
  try {
    page = await fetcher.get(feedUrl);
  } catch (e) {
    yield fetchFailure(feedUrl, e);
    return;
  }
  yield* feedEntries(feedUrl, page.body.toString('utf8'), opts, fetcher);
}

/**
 * The items of one input; an error while reading it (a directory that cannot be listed, a reader
 * bug) becomes a failure row for that input and the next input is read.
 */
async function* guarded(input: string, items: AsyncIterable<SourceItem> | Iterable<SourceItem>): AsyncGenerator<SourceItem> {
  try {
    yield* items;
  } catch (e) {
    yield { kind: 'failure', source: input, reason: `could not read: ${errorMessage(e).split('\n')[0]}` };
  }
}

/** Every input in order: files/directories, '-', article URLs (a URL serving a feed is expanded), feeds. */
export async function* sourceItems(inputs: string[], feeds: string[], opts: SourceOptions = {}): AsyncGenerator<SourceItem> {
  const fetcher = opts.fetcher ?? new Fetcher();
  for (const input of [...inputs, ...feeds]) if (isUrl(input)) fetcher.trust(input);
  for (const input of inputs) {
    if (input === '-') {
      const bytes = opts.stdin ? await opts.stdin() : Buffer.alloc(0);
      yield* guarded('-', stdinItems(bytes));
    } else if (isUrl(input)) {
      yield* guarded(input, urlItems(input, opts, fetcher));
    } else {
      yield* guarded(input, readPath(input, opts.read));
    }
  }
  for (const f of feeds) yield* guarded(f, feedItems(f, { ...opts, fetcher }));
}
