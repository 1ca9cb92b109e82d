/**
 * Dyad's library API.
 *
 *   import { code } from 'dyad';
 *   const coded = await code(text, { date: '2020-10-07' });
 *
 * `code` returns exactly the JSON object that `dyad code --format json` prints.
 */
import { runPipeline, type CodeOptions } from './pipeline.js';
import { toContract, type CodedDocument } from './model/contract.js';

export type { CodeOptions } from './pipeline.js';
export type { CodedDocument, ContractEntity, ContractQuote } from './model/contract.js';
export type { CodedEvent, Actor, Doc, Modality } from './model/document.js';
export { DyadError } from './model/errors.js';
export { runPipeline } from './pipeline.js';

export async function code(text: string, opts: CodeOptions = {}): Promise<CodedDocument> {
  return codeSync(text, opts);
}

/** The same, synchronously (the pipeline does no I/O once its dictionaries are loaded). */
export function codeSync(text: string, opts: CodeOptions = {}): CodedDocument {
  return toContract(runPipeline(text, opts));
}
