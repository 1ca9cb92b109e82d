/**
 * `dyad code <file|-> [--date YYYY-MM-DD] [--url URL] [--title T] [--format json|jsonl|table]
 *            [--dict FILE]... [--lexicon FILE]...`
 */
import { parseArgs } from 'node:util';
import { readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DyadError } from '../../model/errors.js';
import { codeSync } from '../../index.js';
import type { CodedDocument } from '../../model/contract.js';
import type { Io } from '../io.js';
import { validateDate } from '../../pipeline.js';
import { decodeWindows1252 } from '../../ingest/html/decode.js';
import { extractArticle } from '../../ingest/html/extract.js';

export const help = `usage: dyad code <file|-> [options]

Code one article into event data and print it. An HTML page (a file or stdin) is extracted first,
as 'dyad ingest' does: its title, date and canonical URL are used when no option gives them.

options:
  --date YYYY-MM-DD   publication date (the reference for "on Wednesday", "tomorrow")
  --url URL           the article's URL (recorded in the output)
  --title TEXT        the headline, when the text does not start with it
  --format FORMAT     json (default), jsonl (one line), or table (events as aligned rows)
  --dict FILE         an extra actor dictionary (JSONL; repeatable; see README "Extending")
  --lexicon FILE      an extra verb-pattern file (JSONL; repeatable)
  --explain           with table: also list the non-events (negated, hoped-for, …) and why
  -h, --help          this help

exit codes: 0 ok, 64 usage, 65 bad input (empty, binary, not UTF-8, too large), 66 not found.
`;

/** Articles larger than this are refused: a news article is a few KB; 50 MB is a scrape gone wrong. */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

/** Decodes bytes as UTF-8 text, with clear errors for binary, undecodable or empty input. */
export function decodeText(bytes: Buffer, name: string): { text: string; warning: string | null } {
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new DyadError('DYAD_E004', `${name}: ${(bytes.length / 1048576).toFixed(1)} MB is too large for one article (limit ${MAX_INPUT_BYTES / 1048576} MB); split it or use 'dyad ingest'`);
  }
  let buf = bytes;
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    try {
      buf = gunzipSync(buf);
    } catch {
      throw new DyadError('DYAD_E002', `${name}: looks gzip-compressed but could not be decompressed`);
    }
  }
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    const le = buf[0] === 0xff;
    const body = buf.subarray(2);
    const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(body);
    return { text, warning: null };
  }
  const sample = buf.subarray(0, Math.min(buf.length, 8192));
  let controls = 0;
  for (const b of sample) {
    if (b === 0) throw new DyadError('DYAD_E002', `${name}: this is a binary file (it contains NUL bytes), not a text article`);
    if (b < 9 || (b > 13 && b < 32)) controls++;
  }
  if (sample.length > 0 && controls / sample.length > 0.05) throw new DyadError('DYAD_E002', `${name}: this looks like a binary file, not a text article`);
  let text: string;
  let warning: string | null = null;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Not UTF-8: legacy Western encodings are by far the most common; decode and say so.
    // Node's TextDecoder treats windows-1252 as strict Latin-1 (curly quotes become controls).
    text = decodeWindows1252(buf);
    warning = `${name}: not valid UTF-8; decoded as Windows-1252 (Latin-1). Convert the file to UTF-8 if characters look wrong.`;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new DyadError('DYAD_E003', `${name}: the article is empty`);
  return { text, warning };
}

export function readInput(path: string, io: Io): Promise<Buffer> | Buffer {
  if (path === '-') return io.stdin();
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new DyadError('DYAD_E001', `${path}: no such file`);
  }
  if (st.isDirectory()) throw new DyadError('DYAD_E005', `${path}: is a directory (use 'dyad ingest' for directories)`);
  if (st.size > MAX_INPUT_BYTES) {
    throw new DyadError('DYAD_E004', `${path}: ${(st.size / 1048576).toFixed(1)} MB is too large for one article (limit ${MAX_INPUT_BYTES / 1048576} MB); split it or use 'dyad ingest'`);
  }
  try {
    return readFileSync(path);
  } catch (e) {
    throw new DyadError('DYAD_E008', `${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

function pad(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s.padEnd(n);
}

export function formatTable(coded: CodedDocument, explain = false): string {
  const lines: string[] = [];
  lines.push(`${coded.document.title ?? '(untitled)'}${coded.document.date ? '  [' + coded.document.date + ']' : ''}`);
  lines.push('');
  if (coded.events.length === 0) lines.push('(no events)');
  else {
    lines.push([pad('date', 10), pad('source', 14), pad('action', 26), pad('target', 14), 'n', 'evidence'].join('  '));
    for (const e of coded.events) {
      const action = `${e.cameo} ${e.plover.event}`;
      const ev = e.evidence.text.replace(/\s+/g, ' ');
      lines.push([pad(e.date ?? '-', 10), pad(e.source?.code ?? '-', 14), pad(action, 26), pad(e.target?.code ?? '-', 14), String(e.mentions), ev.length > 90 ? ev.slice(0, 89) + '…' : ev].join('  '));
    }
  }
  if (explain && coded.nonEvents.length > 0) {
    lines.push('', 'not coded:');
    for (const r of coded.nonEvents) lines.push(`  ${r.cameo.padEnd(5)} ${r.modality.padEnd(12)} "${r.trigger.text}" (${r.rule})`);
  }
  return lines.join('\n') + '\n';
}

/** Whether decoded input is an HTML page rather than plain text (a doctype, <html>, or markup throughout). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096).trimStart();
  if (/^(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(head)) return true;
  const tags = head.match(/<\/?(?:head|body|div|p|article|section|span|a|meta|script|main|header|nav|h[1-6])\b[^>]*>/gi);
  return tags !== null && tags.length >= 5;
}

interface Article {
  text: string;
  title: string | null;
  date: string | null;
  url: string | null;
}

/** The article in the input: extracted from HTML when it is a page, the text itself otherwise. */
function articleOf(text: string, opts: { url: string | null }): Article {
  if (!looksLikeHtml(text)) return { text, title: null, date: null, url: null };
  const ex = extractArticle(text, { url: opts.url });
  return { text: ex.text, title: ex.title, date: ex.date, url: ex.canonicalUrl ?? ex.url };
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      date: { type: 'string' },
      url: { type: 'string' },
      title: { type: 'string' },
      format: { type: 'string', default: 'json' },
      dict: { type: 'string', multiple: true },
      lexicon: { type: 'string', multiple: true },
      explain: { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1) throw new DyadError('DYAD_E005', positionals.length === 0 ? 'missing input: give a file, or - for standard input' : 'give one input at a time (use dyad ingest for many)');
  const format = values.format!;
  if (!['json', 'jsonl', 'table'].includes(format)) throw new DyadError('DYAD_E005', `--format '${format}' is not one of json, jsonl, table`);
  const date = validateDate(values.date, '--date');
  const input = positionals[0]!;
  const name = input === '-' ? 'stdin' : input;
  const { text, warning } = decodeText(await readInput(input, io), name);
  if (warning) io.err(`dyad code: warning: ${warning}\n`);
  const article = articleOf(text, { url: values.url ?? null });
  const coded = codeSync(article.text, {
    date: date ?? article.date,
    url: values.url ?? article.url,
    title: values.title ?? article.title,
    dictFiles: values.dict ?? [],
    lexiconFiles: values.lexicon ?? [],
  });
  if (coded.document.date === null) {
    io.err(`dyad code: warning: ${name}: no publication date (give --date YYYY-MM-DD); relative dates such as "on Monday" are left unresolved and document.date is null\n`);
  }
  if (format === 'json') io.out(JSON.stringify(coded, null, 2) + '\n');
  else if (format === 'jsonl') io.out(JSON.stringify(coded) + '\n');
  else io.out(formatTable(coded, values.explain));
  return 0;
}
