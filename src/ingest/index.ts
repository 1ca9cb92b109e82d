/**
 * Ingestion: sources → coded articles → the event store.
 *
 *   const store = await openStore({ path: 'dyad.duckdb' });
 *   const stats = await ingest(sourceItems(['news/', 'https://example.org/rss.xml'], []), { store });
 */
export { ingest, progressPrinter, windows, type IngestOptions, type IngestStats } from './ingest.js';
export { sourceItems, feedItems, isUrl, type SourceOptions } from './sources.js';
export { readPath, readFileItems, stdinItems, recordToItem, estimateCount } from './files.js';
export { Fetcher, parseRobots, robotsAllows, USER_AGENT, type FetchOptions, type FetchedPage } from './fetch.js';
export { parseFeed, looksLikeFeed, type FeedItem } from './feeds.js';
export { CoderPool, type PoolOptions } from './pool.js';
export type { Job, JobResult, SourceItem } from './types.js';
