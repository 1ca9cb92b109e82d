/**
 * The job queue of a PostgreSQL store: pg-boss (a well-kept queue in PostgreSQL itself, so no
 * second server) in the schema `<store schema>_queue`. A job is one input to ingest: a document
 * read by the submitter, or a URL or feed the worker fetches. A taken job is leased for
 * `leaseSeconds`; a worker killed mid-job never completes it, so pg-boss's maintenance (run by
 * every live worker, one at a time) fails it by timeout and it is taken again, up to `retryLimit`
 * times. Stored articles are skipped by their keys, so a retried job stores nothing twice.
 */
import { hostname } from 'node:os';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { DyadError, errorMessage } from '../model/errors.js';
import { pgPool, pgTarget, type PgTarget } from '../store/pg.js';
import type { Job } from '../ingest/types.js';

export const QUEUE_NAME = 'dyad-ingest';

/** What a job carries: a document (bytes as base64), or a URL or feed for the worker to fetch. */
export type WorkItem =
  | { kind: 'doc'; job: Omit<Job, 'bytes'> & { bytes64?: string } }
  | { kind: 'url'; url: string }
  | { kind: 'feed'; url: string };

export interface QueueOptions {
  /** Seconds a taken job stays leased before another worker may take it again (default 300). */
  leaseSeconds?: number;
  /** Times a job is retried after a failure or an expired lease (default 5). */
  retryLimit?: number;
  /** Seconds between two maintenance passes that expire leases (default 30). */
  maintenanceSeconds?: number;
  /** Run maintenance from this process (workers do; submitters and status do not). */
  supervise?: boolean;
}

export function queueSchema(t: PgTarget): string {
  return t.schema === 'public' ? 'dyad_queue' : `${t.schema}_queue`;
}

/** A started pg-boss on the store's queue schema, with the ingest queue created. */
export class Queue {
  private constructor(
    readonly boss: PgBoss,
    /** A small pool for Dyad's own queue tables (workers seen) and status queries. */
    readonly pool: pg.Pool,
    readonly schema: string,
    readonly target: PgTarget,
  ) {}

  static async open(url: string, opts: QueueOptions = {}): Promise<Queue> {
    const t = pgTarget(url);
    const schema = queueSchema(t);
    const boss = new PgBoss({
      connectionString: t.connectionString,
      schema,
      max: 3,
      supervise: opts.supervise ?? false,
      schedule: false,
      maintenanceIntervalSeconds: Math.max(1, Math.floor(opts.maintenanceSeconds ?? 30)),
      application_name: 'dyad-queue',
    });
    boss.on('error', () => undefined); // maintenance errors are retried on its next pass
    try {
      await boss.start();
      if (!(await boss.getQueue(QUEUE_NAME))) {
        await boss.createQueue(QUEUE_NAME, {
          name: QUEUE_NAME,
          retryLimit: opts.retryLimit ?? 5,
          expireInSeconds: Math.max(1, Math.floor(opts.leaseSeconds ?? 300)),
          retentionDays: 7,
        });
      }
    } catch (e) {
      await boss.stop({ graceful: false, wait: false }).catch(() => undefined);
      throw new DyadError('DYAD_E052', `could not open the job queue on ${t.label}: ${errorMessage(e)}`);
    }
    const pool = pgPool(t, { max: 2, name: 'dyad-queue' });
    await pool.query(`CREATE TABLE IF NOT EXISTS ${schema}.dyad_workers (
      id VARCHAR PRIMARY KEY, host VARCHAR, pid INTEGER, started_at TIMESTAMPTZ, seen_at TIMESTAMPTZ,
      jobs INTEGER, articles INTEGER)`).catch(() => undefined); // a concurrent CREATE may race: the table is there
    return new Queue(boss, pool, schema, t);
  }

  /** Enqueue items in one round trip per call. */
  async add(items: WorkItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.boss.insert(items.map((data) => ({ name: QUEUE_NAME, data })));
  }

  /** Jobs waiting or leased (created, retry, active). */
  async pending(): Promise<number> {
    const r = await this.pool.query<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM ${this.schema}.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
      [QUEUE_NAME],
    );
    return r.rows[0]?.n ?? 0;
  }

  /** Record that a worker is alive (and what it did so far). */
  async heartbeat(id: string, startedAt: Date, jobs: number, articles: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.dyad_workers VALUES ($1, $2, $3, $4, now(), $5, $6)
       ON CONFLICT (id) DO UPDATE SET seen_at = now(), jobs = EXCLUDED.jobs, articles = EXCLUDED.articles`,
      [id, hostname(), process.pid, startedAt.toISOString(), jobs, articles],
    );
  }

  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
