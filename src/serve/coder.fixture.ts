/**
 * A stand-in coder for the server's tests (given as `coding.coderModule`; not shipped in the
 * package): a text containing "SPIN" keeps its worker thread busy in a synchronous loop for a
 * minute, as an over-long document does, so only terminating the worker can stop it; any other
 * text comes back at once as a document without events.
 */
import type { CodedDocument } from '../model/contract.js';

export function code(text: string, opts: { date?: string | null }): Promise<CodedDocument> {
  if (text.includes('SPIN')) {
    const end = Date.now() + 60_000;
    while (Date.now() < end) {
      // busy, like a coder stuck in a long sentence
    }
  }
  return Promise.resolve({
    version: '1.0',
    document: { title: null, date: opts.date ?? null, url: null, outlet: null, language: 'en', standfirst: null, text,
      captions: [], dropped: [] },
    sentences: [], entities: [], quotes: [], events: [], nonEvents: [],
  });
}
