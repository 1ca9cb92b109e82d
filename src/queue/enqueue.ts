/**
 * `dyad ingest --db postgres://… --enqueue`: put the inputs on the store's queue instead of coding
 * them here. Local inputs (files, directories, stdin) are read here and travel in the job, so
 * workers need no shared disk; URLs and feeds travel as URLs and are fetched by the worker that
 * takes them. Inputs already stored (by raw hash or URL) are not enqueued, so re-running a submit
 * adds nothing; an unreadable input is recorded in the store's failures, as with a plain ingest.
 */
import { DyadError } from '../model/errors.js';
import { isUrl, sourceItems } from '../ingest/sources.js';
import { windows } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
import type { Queue, WorkItem } from './queue.js';

export interface EnqueueStats {
  enqueued: number;
  skipped: number;
  failed: number;
}

/** Jobs inserted per round trip. */
const ENQUEUE_WINDOW = 200;

export async function enqueueInputs(
  inputs: string[],
  feeds: string[],
  opts: { queue: Queue; store: Store; stdin?: () => Promise<Buffer> },
): Promise<EnqueueStats> {
  const stats: EnqueueStats = { enqueued: 0, skipped: 0, failed: 0 };
  const remote: WorkItem[] = [
    ...inputs.filter(isUrl).map((url): WorkItem => ({ kind: 'url', url })),
    ...feeds.map((url): WorkItem => ({ kind: 'feed', url })),
  ];
  const local = inputs.filter((i) => !isUrl(i));
  const items = sourceItems(local, [], opts.stdin ? { stdin: opts.stdin } : {});
  for await (const win of windows(items, ENQUEUE_WINDOW)) {
    const jobs = win.flatMap((it) => (it.kind === 'job' ? [it.job] : []));
    const stored = await opts.store.seenMany(jobs.map((j) => ({ rawHash: j.rawHash, url: j.url })));
    const out: WorkItem[] = [];
    jobs.forEach((job, i) => {
      if (stored[i]) return void stats.skipped++;
      const { bytes, ...rest } = job;
      out.push({ kind: 'doc', job: bytes === undefined ? rest : { ...rest, bytes64: Buffer.from(bytes).toString('base64') } });
    });
    for (const it of win) {
      if (it.kind === 'failure') {
        stats.failed++;
        await opts.store.addFailure(it.source, it.reason);
      } else if (it.kind === 'skip') stats.skipped++;
    }
    await opts.queue.add(out);
    stats.enqueued += out.length;
  }
  await opts.queue.add(remote);
  stats.enqueued += remote.length;
  return stats;
}

/** The CLI side of an enqueue: open the store (creating it) and its queue, enqueue, print a summary. */
export async function submit(
  db: string,
  inputs: string[],
  feeds: string[],
  io: { out: (s: string) => void; stdin: () => Promise<Buffer> },
  windowDays?: number,
): Promise<number> {
  const { isPostgresUrl, openPgStore } = await import('../store/pg.js');
  const { Queue } = await import('./queue.js');
  if (!isPostgresUrl(db)) {
    throw new DyadError('DYAD_E054', `--enqueue needs a PostgreSQL store (--db postgres://…), got '${db}'`);
  }
  const store = await openPgStore({ url: db, ...(windowDays === undefined ? {} : { windowDays }) });
  try {
    const queue = await Queue.open(db);
    try {
      const s = await enqueueInputs(inputs, feeds, { queue, store, stdin: io.stdin });
      io.out(`enqueued ${s.enqueued} job${s.enqueued === 1 ? '' : 's'} on ${store.path}; ${s.skipped} already stored, ${s.failed} failed\n`);
      return s.failed > 0 && s.enqueued === 0 && s.skipped === 0 ? 65 : 0;
    } finally {
      await queue.close();
    }
  } finally {
    await store.close();
  }
}
