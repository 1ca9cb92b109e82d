/**
 * What flows through ingestion: sources yield `SourceItem`s (a job to code, or a failure to record);
 * workers turn a `Job` into an article and its coded document.
 */
import type { CodedDocument } from '../model/contract.js';
import type { ArticleInput } from '../store/index.js';

/** One document to extract (when HTML) and code. */
export interface Job {
  /** Where it came from: a path, `path:line`, a URL. */
  source: string;
  url: string | null;
  title: string | null;
  /** YYYY-MM-DD when the source states it. */
  date: string | null;
  outlet: string | null;
  /** Plain text (already an article body). */
  text?: string;
  /** An HTML page, decoded. */
  html?: string;
  /** An HTML page as bytes (decoded in the worker, honouring `contentType` and <meta charset>). */
  bytes?: Uint8Array;
  contentType?: string | null;
  /** sha256 of the raw input, for skipping stored inputs before coding. */
  rawHash: string;
}

export type SourceItem =
  | { kind: 'job'; job: Job }
  /** `count`: how many bad inputs this row stands for (default 1; see capFailures). */
  | { kind: 'failure'; source: string; reason: string; count?: number }
  /** Already stored (known before fetching or coding). */
  | { kind: 'skip'; source: string };

export type JobResult =
  | { ok: true; article: ArticleInput; doc: CodedDocument }
  | { ok: false; source: string; reason: string };

/** Refuse single documents larger than this (DYAD_E004). */
export const MAX_DOC_BYTES = 20 * 1024 * 1024;
