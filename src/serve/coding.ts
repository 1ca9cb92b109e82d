/**
 * The coder behind POST /api/code: one worker thread (started on first use, so the API starts
 * without loading the NLP models), fed by its own bounded queue, so coding never blocks the read
 * routes and a burst of POSTs is refused (503) instead of piling up. A request whose client goes
 * away is dropped from the queue, or, when it is being coded, stopped: its worker is terminated
 * and a fresh one started, so the next request does not wait for abandoned work. A text that
 * takes longer than the time budget is stopped the same way and answered 503.
 */
import type { CodedDocument } from '../model/contract.js';
import type { CoderPool } from '../ingest/pool.js';
import { HttpError, badParam } from './params.js';

export interface CodeOptions {
  date?: string;
  title?: string;
  url?: string;
}

export interface CodingLimits {
  /** Requests waiting behind the one being coded; more are refused with 503 (default 4). */
  maxWaiting?: number;
  /** Coding time allowed per request (default 30 s). */
  timeoutMs?: number;
  /** Module exporting `code(text, opts)` (default Dyad's own; tests give a stand-in). */
  coderModule?: string;
}

export const DEFAULT_CODE_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_WAITING = 4;

interface Request {
  text: string;
  opts: CodeOptions;
  signal: AbortSignal;
  resolve: (d: CodedDocument) => void;
  reject: (e: unknown) => void;
}

/** Thrown to a request whose client went away (nobody reads the answer). */
export class ClientGone extends Error {
  constructor() {
    super('the client went away');
    this.name = 'ClientGone';
  }
}

export class CodeQueue {
  private pool: Promise<CoderPool> | null = null;
  private readonly waiting: Request[] = [];
  private busy = false;
  private closed = false;
  private readonly maxWaiting: number;
  private readonly timeoutMs: number;

  constructor(private readonly limits: CodingLimits = {}) {
    this.maxWaiting = limits.maxWaiting ?? DEFAULT_MAX_WAITING;
    this.timeoutMs = limits.timeoutMs ?? DEFAULT_CODE_TIMEOUT_MS;
  }

  /** Workers started since the server began (a stopped request costs one). */
  starts = 0;

  code(text: string, opts: CodeOptions, signal: AbortSignal): Promise<CodedDocument> {
    if (this.closed) return Promise.reject(new HttpError(503, 'the server is shutting down'));
    if (this.waiting.length >= this.maxWaiting) {
      return Promise.reject(new HttpError(503, `the coder is busy (${this.waiting.length} texts waiting); try again shortly`));
    }
    return new Promise<CodedDocument>((resolve, reject) => {
      const r: Request = { text, opts, signal, resolve, reject };
      this.waiting.push(r);
      signal.addEventListener('abort', () => {
        const i = this.waiting.indexOf(r);
        if (i >= 0) {
          this.waiting.splice(i, 1);
          reject(new ClientGone());
        }
      }, { once: true });
      void this.pump();
    });
  }

  private start(): Promise<CoderPool> {
    this.starts++;
    const created = import('../ingest/pool.js').then((m) =>
      m.CoderPool.create({ workers: 1, ...(this.limits.coderModule ? { coderModule: this.limits.coderModule } : {}) }),
    );
    created.catch(() => undefined);
    return created;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    const r = this.waiting.shift();
    if (!r) return;
    this.busy = true;
    try {
      r.resolve(await this.runOne(r));
    } catch (e) {
      r.reject(e);
    } finally {
      this.busy = false;
      void this.pump();
    }
  }

  private async runOne(r: Request): Promise<CodedDocument> {
    this.pool ??= this.start();
    let pool: CoderPool;
    try {
      pool = await this.pool;
    } catch (e) {
      this.pool = null;
      throw new HttpError(503, `the coder could not start: ${(e as Error).message}`);
    }
    const job = { source: 'POST /api/code', url: r.opts.url ?? null, title: r.opts.title ?? null, date: r.opts.date ?? null,
      outlet: null, text: r.text, rawHash: '' };
    let stop: (why: 'gone' | 'timeout') => void = () => undefined;
    const stopped = new Promise<'gone' | 'timeout'>((res) => (stop = res));
    const onAbort = () => stop('gone');
    r.signal.addEventListener('abort', onAbort, { once: true });
    if (r.signal.aborted) stop('gone');
    const timer = setTimeout(() => stop('timeout'), this.timeoutMs);
    try {
      const out = await Promise.race([pool.run(job), stopped]);
      if (out === 'gone' || out === 'timeout') {
        await this.restart(pool);
        if (out === 'gone') throw new ClientGone();
        throw new HttpError(503, `text: coding stopped after the ${this.timeoutMs / 1000} s budget (send a shorter text)`, 'text');
      }
      if (out.ok) return out.doc;
      if (/coder worker/.test(out.reason)) throw new HttpError(503, `the coder failed: ${out.reason}`);
      throw badParam('text', out.reason);
    } finally {
      clearTimeout(timer);
      r.signal.removeEventListener('abort', onAbort);
    }
  }

  /** Terminate the worker busy with abandoned work and start a fresh one at once. */
  private async restart(pool: CoderPool): Promise<void> {
    this.pool = this.closed ? null : this.start();
    await pool.close();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const r of this.waiting.splice(0)) r.reject(new HttpError(503, 'the server is shutting down'));
    if (this.pool) await (await this.pool.catch(() => null))?.close();
    this.pool = null;
  }
}
