/**
 * A pool of worker threads that extract and code jobs in parallel (one per core by default).
 * With `workers: 0` jobs are coded on the main thread (no start-up cost; for tiny inputs and tests).
 *
 * Each document has a time budget (`docTimeoutMs`): a worker still on one document when it runs
 * out is terminated and replaced, the document comes back as a failure with the reason, and the
 * jobs that were waiting behind it go to the next free worker. A worker that dies (out of memory,
 * a crash) fails only the document it was coding. On the main thread (`workers: 0`) coding cannot
 * be interrupted, so the budget does not apply there.
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
  /** Time budget of one document in a worker, in ms (default DEFAULT_DOC_TIMEOUT_MS; 0 = none). */
  docTimeoutMs?: number;
}

interface Task {
  id: number;
  job: Job;
  resolve: (r: JobResult) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Jobs sent to this worker, in the order it codes them (the first is being coded). */
  pending: Map<number, Task>;
  timer: NodeJS.Timeout | null;
}

/** Jobs between two full collections in a worker (~4 s of coding; a collection takes ~50-100 ms). */
export const DEFAULT_GC_EVERY = 500;

/**
 * Default time budget per document. A long news article (10,000 words) codes in well under a
 * second; a document that takes longer than this is hostile or broken.
 */
export const DEFAULT_DOC_TIMEOUT_MS = 10_000;

/** Jobs queued in one worker at once (the next one is ready when the current one ends). */
const DEPTH = 2;

export const DEFAULT_CODER = new URL('../index.js', import.meta.url).href;

export class CoderPool {
  private slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private local: CodeFn | null = null;
  private closing = false;

  private constructor(private readonly opts: Required<PoolOptions>) {}

  /** Jobs coded at once (the number of workers asked for). */
  get size(): number {
    return Math.max(1, this.opts.workers);
  }

  static async create(opts: PoolOptions = {}): Promise<CoderPool> {
    const full: Required<PoolOptions> = {
      workers: opts.workers ?? availableParallelism(),
      dateDefault: opts.dateDefault ?? null,
      coderModule: opts.coderModule ?? DEFAULT_CODER,
      gcEvery: Math.max(0, Math.floor(opts.gcEvery ?? DEFAULT_GC_EVERY)),
      docTimeoutMs: Math.max(0, opts.docTimeoutMs ?? DEFAULT_DOC_TIMEOUT_MS),
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
    const slot: Slot = { worker, ready: false, pending: new Map(), timer: null };
    this.slots.push(slot);
    return new Promise<void>((resolve, reject) => {
      worker.on('message', (msg: { ready?: boolean; id?: number; result?: JobResult }) => {
        if (msg.ready) {
          slot.ready = true;
          resolve();
          this.dispatch();
          return;
        }
        const t = slot.pending.get(msg.id!);
        if (!t) return;
        slot.pending.delete(msg.id!);
        this.arm(slot);
        t.resolve(msg.result!);
        this.dispatch();
      });
      worker.on('error', (e) => this.lost(slot, `coder worker died: ${e.message}`, reject));
      worker.on('exit', (code) => this.lost(slot, `coder worker died: exit code ${code}`, reject));
    });
  }

  /** Start the time budget of the job the worker is now coding. */
  private arm(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const head = slot.pending.values().next();
    if (head.done || this.opts.docTimeoutMs <= 0) return;
    const ms = this.opts.docTimeoutMs;
    slot.timer = setTimeout(() => {
      const why = `coding took longer than ${ms / 1000} s (the per-document time budget, --doc-timeout); document abandoned`;
      this.lost(slot, why);
    }, ms);
  }

  /**
   * A worker is gone (timed out, crashed or exited): its current document fails with `why`, the
   * jobs queued behind it go back to the front of the queue, and a fresh worker replaces it.
   */
  private lost(slot: Slot, why: string, rejectStart?: (e: Error) => void): void {
    if (!this.slots.includes(slot)) return;
    this.slots = this.slots.filter((s) => s !== slot);
    if (slot.timer) clearTimeout(slot.timer);
    const [head, ...rest] = [...slot.pending.values()];
    slot.pending.clear();
    this.queue.unshift(...rest);
    head?.resolve({ ok: false, source: head.job.source, reason: why });
    if (!slot.ready) rejectStart?.(new Error(`coder worker failed to start: ${why}`));
    void slot.worker.terminate().catch(() => undefined);
    if (this.closing) return;
    if (slot.ready) void this.spawn().catch(() => this.failQueue('no coder worker running'));
    else this.failQueue(why);
  }

  private failQueue(why: string): void {
    if (this.slots.length > 0) return;
    for (const t of this.queue.splice(0)) t.resolve({ ok: false, source: t.job.source, reason: why });
  }

  /** Hand queued jobs to ready workers, least loaded first, up to DEPTH each. */
  private dispatch(): void {
    while (this.queue.length > 0) {
      let best: Slot | null = null;
      for (const s of this.slots) if (s.ready && s.pending.size < DEPTH && (!best || s.pending.size < best.pending.size)) best = s;
      if (!best) return;
      const t = this.queue.shift()!;
      best.pending.set(t.id, t);
      if (best.pending.size === 1) this.arm(best);
      best.worker.postMessage({ id: t.id, job: t.job });
    }
  }

  /** Extract and code one job. Never rejects: failures come back as `{ ok: false, reason }`. */
  run(job: Job): Promise<JobResult> {
    if (this.local) return prepareJob(job, this.local, this.opts.dateDefault);
    if (this.slots.length === 0) return Promise.resolve({ ok: false, source: job.source, reason: 'no coder worker running' });
    return new Promise<JobResult>((resolve) => {
      this.queue.push({ id: this.nextId++, job, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    const slots = this.slots;
    this.slots = [];
    for (const s of slots) if (s.timer) clearTimeout(s.timer);
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const s of slots) for (const t of s.pending.values()) t.resolve({ ok: false, source: t.job.source, reason: 'coder pool closed' });
    this.failQueue('coder pool closed');
  }
}
