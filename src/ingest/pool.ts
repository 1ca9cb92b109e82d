/**
 * A pool of worker threads that extract and code jobs in parallel (one per core by default).
 * With `workers: 0` jobs are coded on the main thread (no start-up cost; for tiny inputs and tests).
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { prepareJob, type CodeFn } from './prepare.js';
import type { Job, JobResult } from './types.js';

export interface PoolOptions {
  /** Number of worker threads (default: os.availableParallelism()); 0 = code on the main thread. */
  workers?: number;
  dateDefault?: string | null;
  /** Module exporting `code(text, opts)` (default: Dyad's own). */
  coderModule?: string;
  /**
   * Each worker runs a full garbage collection every this many jobs (default 500; 0 = never), so
   * its heap stays at its live size instead of growing with the corpus (see worker.ts).
   */
  gcEvery?: number;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { job: Job; resolve: (r: JobResult) => void }>;
}

/** Jobs between two full collections in a worker (~4 s of coding; a collection takes ~50-100 ms). */
export const DEFAULT_GC_EVERY = 500;

export const DEFAULT_CODER = new URL('../index.js', import.meta.url).href;

export class CoderPool {
  private slots: Slot[] = [];
  private nextId = 1;
  private local: CodeFn | null = null;
  private closing = false;

  private constructor(private readonly opts: Required<PoolOptions>) {}

  get size(): number {
    return Math.max(1, this.slots.length);
  }

  static async create(opts: PoolOptions = {}): Promise<CoderPool> {
    const full: Required<PoolOptions> = {
      workers: opts.workers ?? availableParallelism(),
      dateDefault: opts.dateDefault ?? null,
      coderModule: opts.coderModule ?? DEFAULT_CODER,
      gcEvery: Math.max(0, Math.floor(opts.gcEvery ?? DEFAULT_GC_EVERY)),
    };
    const pool = new CoderPool(full);
    if (full.workers <= 0) {
      pool.local = ((await import(full.coderModule)) as { code: CodeFn }).code;
    } else {
      await Promise.all(Array.from({ length: full.workers }, () => pool.spawn()));
    }
    return pool;
  }

  private spawn(): Promise<void> {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { coderModule: this.opts.coderModule, dateDefault: this.opts.dateDefault, gcEvery: this.opts.gcEvery },
    });
    const slot: Slot = { worker, pending: new Map() };
    this.slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      let ready = false;
      worker.on('message', (msg: { ready?: boolean; id?: number; result?: JobResult }) => {
        if (msg.ready) {
          ready = true;
          resolve();
          return;
        }
        const p = slot.pending.get(msg.id!);
        if (p) {
          slot.pending.delete(msg.id!);
          p.resolve(msg.result!);
        }
      });
      const fail = (why: string) => {
        this.slots = this.slots.filter((s) => s !== slot);
        for (const p of slot.pending.values()) p.resolve({ ok: false, source: p.job.source, reason: `coder worker died: ${why}` });
        slot.pending.clear();
        if (!ready) reject(new Error(`coder worker failed to start: ${why}`));
        else if (!this.closing) void this.spawn().catch(() => undefined);
      };
      worker.on('error', (e) => fail(e.message));
      worker.on('exit', (code) => {
        if (!this.closing || slot.pending.size > 0) fail(`exit code ${code}`);
      });
    });
  }

  /** Extract and code one job. Never rejects: failures come back as `{ ok: false, reason }`. */
  run(job: Job): Promise<JobResult> {
    if (this.local) return prepareJob(job, this.local, this.opts.dateDefault);
    if (this.slots.length === 0) return Promise.resolve({ ok: false, source: job.source, reason: 'no coder worker running' });
    let best = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < best.pending.size) best = s;
    const id = this.nextId++;
    return new Promise<JobResult>((resolve) => {
      best.pending.set(id, { job, resolve });
      best.worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
