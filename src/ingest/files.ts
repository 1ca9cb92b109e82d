/**
 * Files and directories → jobs, streamed (a directory is walked lazily; JSONL is read line by line).
 * Formats: .txt, .html/.htm, .json ({url,title,date,text|html} or an array of them), .jsonl of the
 * same, and any of these gzipped (.gz).
 */
import { createReadStream } from 'node:fs';
import { opendir, readFile, stat } from 'node:fs/promises';
import { createGunzip, gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parseDateValue } from './html/extract.js';
import { errorMessage } from '../model/errors.js';
import { MAX_DOC_BYTES, type Job, type SourceItem } from './types.js';
import { limitedLines } from './lines.js';

export const SUPPORTED = ['.txt', '.html', '.htm', '.json', '.jsonl', '.ndjson'];

type Format = 'txt' | 'html' | 'json' | 'jsonl';

export function formatOf(name: string): { format: Format; gz: boolean } | null {
  let n = name.toLowerCase();
  const gz = n.endsWith('.gz');
  if (gz) n = n.slice(0, -3);
  if (n.endsWith('.txt') || n.endsWith('.text')) return { format: 'txt', gz };
  if (n.endsWith('.html') || n.endsWith('.htm') || n.endsWith('.xhtml')) return { format: 'html', gz };
  if (n.endsWith('.jsonl') || n.endsWith('.ndjson')) return { format: 'jsonl', gz };
  if (n.endsWith('.json')) return { format: 'json', gz };
  return null;
}

export function hashOf(...parts: Array<string | Uint8Array | null | undefined>): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(p ?? '');
    h.update('\u0000');
  }
  return h.digest('hex');
}

/** A date from a record field: YYYY-MM-DD, ISO timestamps, RFC 822 … or null. */
export function normaliseDate(v: unknown): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(v.trim());
  if (m) return m[1]!;
  try {
    return parseDateValue(v)?.date ?? null;
  } catch {
    return null;
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

/** A JSON record {url, title, date, outlet, text | html | content} → a job, or a failure. */
export function recordToItem(rec: unknown, source: string): SourceItem {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) {
    return { kind: 'failure', source, reason: 'not a JSON object' };
  }
  const r = rec as Record<string, unknown>;
  const text = str(r['text']) ?? str(r['body']) ?? str(r['content']);
  const html = str(r['html']);
  if (text === null && html === null) return { kind: 'failure', source, reason: 'record has no text or html field' };
  const job: Job = {
    source,
    url: str(r['url']) ?? str(r['link']),
    title: str(r['title']) ?? str(r['headline']),
    date: normaliseDate(r['date'] ?? r['published'] ?? r['pubDate']),
    outlet: str(r['outlet']) ?? str(r['source']) ?? str(r['publisher']),
    rawHash: '',
  };
  if (text !== null) job.text = text;
  else job.html = html!;
  job.rawHash = hashOf(job.url, job.title, job.date, job.outlet, text ?? html);
  return { kind: 'job', job };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Plain-text bytes → text, or a failure reason. */
export function decodeText(bytes: Buffer): { text: string } | { reason: string } {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    return { text: new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2)) };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { reason: 'binary file (NUL bytes), not text' };
  try {
    return { text: utf8.decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { reason: 'not valid UTF-8 text (wrong encoding)' };
  }
}

export interface ReadOptions {
  /** A JSONL line (one record) longer than this is a failure and is skipped (default MAX_DOC_BYTES). */
  maxRecordBytes?: number;
  /**
   * Bad records of one file recorded one by one, at most (default 100); the rest are counted in one
   * failure row ("… and 524,277 more bad lines").
   */
  maxFailuresPerFile?: number;
}

export const MAX_FAILURES_PER_FILE = 100;

/**
 * The failures of one file, capped: past `max`, bad records are only counted, and one last failure
 * row says how many more there were (with that `count`), so a file of half a million bad lines
 * writes about a hundred rows, not half a million.
 */
export class FailureCap {
  private bad = 0;
  constructor(private readonly max: number) {}

  /** Count one bad record; true while it should still be recorded on its own. */
  admit(): boolean {
    return ++this.bad <= this.max;
  }

  /** The row standing for the bad records not recorded one by one, if any. */
  summary(path: string): SourceItem | null {
    const more = this.bad - this.max;
    if (more <= 0) return null;
    return { kind: 'failure', source: path, reason: `… and ${more.toLocaleString('en-US')} more bad lines (not recorded one by one)`, count: more };
  }
}

/**
 * JSON.parse without a stack trace for its SyntaxError: a file of half a million bad lines spent
 * most of its time building stack traces nobody reads (~30 µs a line).
 */
function parseJson(text: string): { value: unknown; error?: undefined } | { error: string } {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    return { error: errorMessage(e) };
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** One JSONL line → a job or a failure reason. */
function lineItem(text: string, source: string): SourceItem {
  const rec = text.startsWith('{') ? parseJson(text) : { error: `not a JSON object (the line starts with ${JSON.stringify(text.slice(0, 12))})` };
  if (rec.error === undefined) return recordToItem(rec.value, source);
  return { kind: 'failure', source, reason: rec.error.startsWith('not ') ? rec.error : `bad JSON: ${rec.error}` };
}

async function* readJsonl(path: string, gz: boolean, maxBytes: number, cap: FailureCap): AsyncGenerator<SourceItem> {
  const input = createReadStream(path);
  const stream = gz ? input.pipe(createGunzip()) : input;
  input.on('error', (e) => stream.destroy(e));
  try {
    for await (const lines of limitedLines(stream as AsyncIterable<Uint8Array>, maxBytes)) {
      for (const l of lines) {
        const source = `${path}:${l.line}`;
        let item: SourceItem;
        if ('tooLong' in l) item = { kind: 'failure', source, reason: `record larger than ${maxBytes} bytes (${l.tooLong} bytes, skipped)` };
        else {
          const text = l.text.trimStart();
          if (text === '') continue;
          item = lineItem(text, source);
        }
        if (item.kind !== 'failure' || cap.admit()) yield item;
      }
    }
  } catch (e) {
    if (cap.admit()) yield { kind: 'failure', source: path, reason: `could not read: ${errorMessage(e).split('\n')[0]}` };
  } finally {
    stream.destroy();
    input.destroy();
  }
}

/** One file → items. */
export async function* readFileItems(path: string, opts: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const cap = new FailureCap(opts.maxFailuresPerFile ?? MAX_FAILURES_PER_FILE);
  yield* fileItems(path, opts, cap);
  const more = cap.summary(path);
  if (more) yield more;
}

async function* fileItems(path: string, opts: ReadOptions, cap: FailureCap): AsyncGenerator<SourceItem> {
  const f = formatOf(path);
  if (f === null) {
    yield { kind: 'failure', source: path, reason: `unsupported file type (supported: ${SUPPORTED.join(' ')} and .gz)` };
    return;
  }
  if (f.format === 'jsonl') {
    yield* readJsonl(path, f.gz, opts.maxRecordBytes ?? MAX_DOC_BYTES, cap);
    return;
  }
  let bytes: Buffer;
  try {
    const st = await stat(path);
    const limit = f.format === 'json' ? 10 * MAX_DOC_BYTES : MAX_DOC_BYTES;
    if (st.size > limit) {
      yield { kind: 'failure', source: path, reason: `file too large (${st.size} bytes; limit ${limit})` };
      return;
    }
    bytes = await readFile(path);
    if (f.gz) bytes = gunzipSync(bytes, { maxOutputLength: limit });
  } catch (e) {
    yield { kind: 'failure', source: path, reason: `could not read: ${errorMessage(e).split('\n')[0]}` };
    return;
  }
  if (bytes.length === 0) {
    yield { kind: 'failure', source: path, reason: 'empty file' };
    return;
  }
  if (f.format === 'html') {
    if (bytes.subarray(0, 8192).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) {
      yield { kind: 'failure', source: path, reason: 'binary file (NUL bytes), not HTML' };
      return;
    }
    yield {
      kind: 'job',
      job: { source: path, url: null, title: null, date: null, outlet: null, bytes, contentType: null, rawHash: hashOf(bytes) },
    };
    return;
  }
  const dec = decodeText(bytes);
  if ('reason' in dec) {
    yield { kind: 'failure', source: path, reason: dec.reason };
    return;
  }
  if (f.format === 'txt') {
    yield { kind: 'job', job: { source: path, url: null, title: null, date: null, outlet: null, text: dec.text, rawHash: hashOf(dec.text) } };
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(dec.text);
  } catch (e) {
    yield { kind: 'failure', source: path, reason: `bad JSON: ${errorMessage(e)}` };
    return;
  }
  if (Array.isArray(parsed)) {
    for (let i = 0; i < parsed.length; i++) {
      const item = recordToItem(parsed[i], `${path}#${i}`);
      if (item.kind !== 'failure' || cap.admit()) yield item;
    }
  } else {
    yield recordToItem(parsed, path);
  }
}

/** A path (file or directory, walked recursively in name order) → items. */
export async function* readPath(path: string, opts: ReadOptions = {}): AsyncGenerator<SourceItem> {
  let st;
  try {
    st = await stat(path);
  } catch {
    yield { kind: 'failure', source: path, reason: 'not found' };
    return;
  }
  if (!st.isDirectory()) {
    yield* readFileItems(path, opts);
    return;
  }
  const names: Array<{ name: string; dir: boolean }> = [];
  const dir = await opendir(path);
  for await (const d of dir) {
    if (d.name.startsWith('.')) continue;
    if (d.isDirectory()) names.push({ name: d.name, dir: true });
    else if (d.isFile() && formatOf(d.name) !== null) names.push({ name: d.name, dir: false });
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const n of names) {
    const p = join(path, n.name);
    if (n.dir) yield* readPath(p, opts);
    else yield* readFileItems(p, opts);
  }
}

/** Bytes read from stdin: JSONL records, one JSON record, HTML, or plain text. */
export function* stdinItems(bytes: Buffer): Generator<SourceItem> {
  const dec = decodeText(bytes);
  if ('reason' in dec) {
    yield { kind: 'failure', source: '-', reason: dec.reason };
    return;
  }
  const t = dec.text.trim();
  if (t === '') {
    yield { kind: 'failure', source: '-', reason: 'empty input' };
    return;
  }
  if (t.startsWith('{')) {
    const lines = t.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!.trim();
      if (l === '') continue;
      try {
        yield recordToItem(JSON.parse(l), `-:${i + 1}`);
      } catch {
        // Not JSONL: maybe one pretty-printed object.
        try {
          yield recordToItem(JSON.parse(t), '-');
        } catch (e) {
          yield { kind: 'failure', source: '-', reason: `bad JSON: ${errorMessage(e)}` };
        }
        return;
      }
    }
    return;
  }
  if (/^<(!doctype|html|head|body|article|div|p)\b/i.test(t)) {
    yield { kind: 'job', job: { source: '-', url: null, title: null, date: null, outlet: null, html: dec.text, rawHash: hashOf(dec.text) } };
    return;
  }
  yield { kind: 'job', job: { source: '-', url: null, title: null, date: null, outlet: null, text: dec.text, rawHash: hashOf(dec.text) } };
}

/**
 * A quick count of the documents under local paths (files; lines of uncompressed JSONL), for the
 * progress ETA. Null when it cannot be known cheaply (gzipped JSONL, JSON arrays).
 */
export async function estimateCount(paths: string[]): Promise<number | null> {
  let n = 0;
  const walk = async (p: string): Promise<boolean> => {
    let st;
    try {
      st = await stat(p);
    } catch {
      n++;
      return true;
    }
    if (st.isDirectory()) {
      for await (const d of await opendir(p)) {
        if (d.name.startsWith('.')) continue;
        if (d.isDirectory() || (d.isFile() && formatOf(d.name) !== null)) {
          if (!(await walk(join(p, d.name)))) return false;
        }
      }
      return true;
    }
    const f = formatOf(p);
    if (f?.format === 'jsonl') {
      if (f.gz) return false;
      for await (const chunk of createReadStream(p)) {
        const b = chunk as Buffer;
        for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) n++;
      }
      return true;
    }
    if (f?.format === 'json') return false;
    n++;
    return true;
  };
  for (const p of paths) if (!(await walk(p))) return null;
  return n;
}
