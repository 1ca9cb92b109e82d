/**
 * A coding worker: receives jobs, extracts and codes them, posts results back.
 * Started by `CoderPool`; `workerData.coderModule` names the module exporting `code()`.
 *
 * Memory: coding leaves a lot of garbage that survives into V8's old generation. On a machine with
 * plenty of RAM V8 lets that heap grow for a long time before a full collection (its heap limit is
 * a share of physical memory), so without help each worker's heap climbs by ~30 MB per 1,000 jobs
 * while its live data stays ~95 MB, and the process RSS grows with the corpus. A full collection
 * every `GC_EVERY` jobs keeps the heap at its live size (~1-2 % of coding time).
 * `DYAD_WORKER_TRACE=N` prints this worker's heap every N jobs (memory diagnostics).
 */
import { parentPort, workerData, threadId } from 'node:worker_threads';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { prepareJob, type CodeFn } from './prepare.js';
import type { Job } from './types.js';

interface WorkerInit {
  coderModule: string;
  dateDefault: string | null;
  /** Full garbage collection every this many jobs (0 = leave it to V8). */
  gcEvery?: number;
}

const init = workerData as WorkerInit;
const mod = (await import(init.coderModule)) as { code: CodeFn };
const gcEvery = init.gcEvery ?? 0;
const traceEvery = Number(process.env['DYAD_WORKER_TRACE'] ?? 0);

/** V8's `gc()`, reachable without starting node with --expose-gc (the flag applies to new contexts). */
function collector(): (() => void) | null {
  if (gcEvery <= 0) return null;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
const gc = collector();
let jobs = 0;

parentPort!.on('message', (msg: { id: number; job: Job }) => {
  void prepareJob(msg.job, mod.code, init.dateDefault).then((result) => {
    parentPort!.postMessage({ id: msg.id, result });
    jobs++;
    if (gc && jobs % gcEvery === 0) gc();
    if (traceEvery > 0 && jobs % traceEvery === 0) {
      const h = getHeapStatistics();
      const mb = (x: number) => Math.round(x / 1e6);
      process.stderr.write(
        `    worker ${threadId}, ${jobs} jobs: heap used ${mb(h.used_heap_size)} MB of ${mb(h.total_heap_size)} MB (limit ${mb(h.heap_size_limit)} MB)\n`,
      );
    }
  });
});
// Warm up before saying ready: dictionaries and the gazetteer load on the first call and the
// collection of the loading's garbage falls on the second (seconds each on a busy machine), which
// must not count against the first documents' time budget (see pool.ts).
const WARM_UP = 'Ministers meet in Geneva\n\nFrench Foreign Minister Jean-Yves Le Drian accused Turkey on Tuesday of sending 300 fighters to Nagorno-Karabakh.\n\n"We will not accept it," he told reporters in Paris.';
for (let i = 0; i < 2; i++) await mod.code(WARM_UP, { date: '2024-01-02' }).catch(() => undefined);
gc?.();
parentPort!.postMessage({ ready: true });
