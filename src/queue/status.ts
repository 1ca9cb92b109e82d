/**
 * What a team watching a PostgreSQL store needs to see: queue depth, jobs per state, workers seen
 * in the last minute, failures with their reasons, and throughput.
 */
import type { Store } from '../store/store.js';
import { QUEUE_NAME, type Queue } from './queue.js';

export interface Status {
  store: string;
  /** Jobs waiting to be taken (created + retry). */
  depth: number;
  states: Record<string, number>;
  workers: Array<{ id: string; host: string; pid: number; seen: string; jobs: number; articles: number }>;
  /** Jobs that failed for good, or failed and wait for a retry, newest first, with the reason. */
  jobFailures: Array<{ id: string; state: string; retries: number; reason: string }>;
  /** Documents the store could not use (the failures table), newest first. */
  documentFailures: { total: number; recent: Array<{ source: string; reason: string; at: string }> };
  throughput: { articlesLastMinute: number; articlesLast10Minutes: number; jobsLastMinute: number; articlesPerSecond: number };
  totals: { articles: number; events: number; mentions: number };
}

export async function queueStatus(queue: Queue, store: Store): Promise<Status> {
  const q = <T>(sql: string, p: unknown[] = []) => queue.pool.query(sql, p).then((r) => r.rows as T[]);
  const s = queue.schema;
  const [states, workers, jobFailures, jobsLastMinute] = await Promise.all([
    q<{ state: string; n: number }>(`SELECT state, count(*)::INTEGER AS n FROM ${s}.job WHERE name = $1 GROUP BY state`, [QUEUE_NAME]),
    q<Status['workers'][number]>(
      `SELECT id, host, pid, to_char(seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS') AS seen, jobs, articles
       FROM ${s}.dyad_workers WHERE seen_at > now() - interval '1 minute' ORDER BY id`,
    ),
    q<{ id: string; state: string; retries: number; output: unknown }>(
      `SELECT id::text AS id, state::text AS state, retry_count AS retries, output FROM ${s}.job
       WHERE name = $1 AND (state = 'failed' OR (state = 'retry' AND output IS NOT NULL))
       ORDER BY coalesce(completed_on, created_on) DESC LIMIT 10`,
      [QUEUE_NAME],
    ),
    q<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM ${s}.job WHERE name = $1 AND state = 'completed' AND completed_on > now() - interval '1 minute'`, [QUEUE_NAME]),
  ]);
  const byState: Record<string, number> = { created: 0, retry: 0, active: 0, completed: 0, failed: 0, cancelled: 0 };
  for (const r of states) byState[r.state] = r.n;
  const [tp] = await store.query<{ m1: number; m10: number }>(
    `SELECT count(*) FILTER (WHERE ingested_at > (now() AT TIME ZONE 'UTC') - interval '1 minute')::INTEGER AS m1,
            count(*) FILTER (WHERE ingested_at > (now() AT TIME ZONE 'UTC') - interval '10 minutes')::INTEGER AS m10
     FROM articles WHERE ingested_at > (now() AT TIME ZONE 'UTC') - interval '10 minutes'`,
  );
  const [totals] = await store.query<Status['totals']>(
    `SELECT (SELECT count(*) FROM articles)::INTEGER AS articles, (SELECT count(*) FROM events)::INTEGER AS events,
            (SELECT count(*) FROM mentions)::INTEGER AS mentions`,
  );
  const [fails] = await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM failures`);
  const recent = await store.query<{ source: string; reason: string; at: string }>(
    `SELECT source, reason, CAST("at" AS VARCHAR) AS at FROM failures ORDER BY "at" DESC LIMIT 5`,
  );
  return {
    store: store.path,
    depth: byState['created']! + byState['retry']!,
    states: byState,
    workers,
    jobFailures: jobFailures.map((f) => ({ id: f.id, state: f.state, retries: f.retries, reason: reasonOf(f.output) })),
    documentFailures: { total: fails?.n ?? 0, recent },
    throughput: {
      articlesLastMinute: tp?.m1 ?? 0,
      articlesLast10Minutes: tp?.m10 ?? 0,
      jobsLastMinute: jobsLastMinute[0]?.n ?? 0,
      articlesPerSecond: Math.round(((tp?.m1 ?? 0) / 60) * 10) / 10,
    },
    totals: totals ?? { articles: 0, events: 0, mentions: 0 },
  };
}

function reasonOf(output: unknown): string {
  if (output && typeof output === 'object') {
    const o = output as { reason?: unknown; message?: unknown; value?: { message?: unknown } };
    const r = o.reason ?? o.message ?? o.value?.message;
    if (typeof r === 'string') return r;
  }
  return output === null || output === undefined ? '' : JSON.stringify(output);
}

/** The status as the text `dyad status` prints. */
export function statusText(s: Status): string {
  const lines = [
    `store ${s.store}`,
    `queue depth ${s.depth} (created ${s.states['created']}, retry ${s.states['retry']}, active ${s.states['active']}, ` +
      `completed ${s.states['completed']}, failed ${s.states['failed']}, cancelled ${s.states['cancelled']})`,
    `throughput: ${s.throughput.articlesLastMinute} articles in the last minute (${s.throughput.articlesPerSecond}/s), ` +
      `${s.throughput.articlesLast10Minutes} in 10 minutes; ${s.throughput.jobsLastMinute} jobs completed in the last minute`,
    `stored: ${s.totals.articles} articles, ${s.totals.events} events, ${s.totals.mentions} mentions`,
    `workers seen in the last minute: ${s.workers.length}`,
    ...s.workers.map((w) => `  ${w.id}  last seen ${w.seen} UTC, ${w.jobs} jobs, ${w.articles} articles`),
    `job failures: ${s.jobFailures.length === 0 ? 'none' : ''}`.trimEnd(),
    ...s.jobFailures.map((f) => `  ${f.id} (${f.state}, ${f.retries} retries): ${f.reason}`),
    `document failures: ${s.documentFailures.total}`,
    ...s.documentFailures.recent.map((f) => `  ${f.source}: ${f.reason}`),
  ];
  return lines.join('\n') + '\n';
}
