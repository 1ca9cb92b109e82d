/**
 * A coding worker: receives jobs, extracts and codes them, posts results back.
 * Started by `CoderPool`; `workerData.coderModule` names the module exporting `code()`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { prepareJob, type CodeFn } from './prepare.js';
import type { Job } from './types.js';

interface WorkerInit {
  coderModule: string;
  dateDefault: string | null;
}

const init = workerData as WorkerInit;
const mod = (await import(init.coderModule)) as { code: CodeFn };

parentPort!.on('message', (msg: { id: number; job: Job }) => {
  void prepareJob(msg.job, mod.code, init.dateDefault).then((result) => {
    parentPort!.postMessage({ id: msg.id, result });
  });
});
parentPort!.postMessage({ ready: true });
