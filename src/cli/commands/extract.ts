/**
 * `dyad extract`: the article of one HTML page (file, .gz file, stdin or http(s) URL) as JSON or
 * plain text.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { DyadError, errorMessage, isDyadError } from '../../model/errors.js';
import { decodeHtml, extractArticle, MAX_HTML_BYTES } from '../../ingest/html/extract.js';
import type { Io } from '../io.js';
import { Fetcher } from '../../ingest/fetch.js';

export const help = `usage: dyad extract <file.html|file.html.gz|URL|-> [--format json|text] [--url URL]

Extract the article from one HTML page: title, body text (paragraphs), publication date, byline,
outlet, canonical URL, language, description and figure captions.

  <input>          an HTML file (gzip is detected), an http(s) URL to fetch, or - for stdin
  --format FMT     json (default): the whole record; text: the title, a blank line, the text
  --url URL        the page's address, when reading a file or stdin (used for the date in the
                   path and the outlet's host name)
  --no-robots      fetch a URL even where robots.txt disallows it (only for sites you run yourself)

examples:
  dyad extract page.html
  dyad extract https://example.org/news/2024/05/02/story --format text
  curl -s https://example.org/story | dyad extract - --url https://example.org/story
`;

export const FETCH_TIMEOUT_MS = 20_000;

interface Page {
  bytes: Buffer;
  contentType: string | null;
  url: string | null;
}

/** Fetch the page the user named: robots.txt obeyed, redirects checked hop by hop (see Fetcher). */
async function fetchPage(url: string, robots: boolean): Promise<Page> {
  const fetcher = new Fetcher({ timeoutMs: FETCH_TIMEOUT_MS, retries: 1, minIntervalMs: 0, maxBytes: MAX_HTML_BYTES, respectRobots: robots });
  fetcher.trust(url);
  let page;
  try {
    page = await fetcher.get(url);
  } catch (e) {
    if (!isDyadError(e)) throw new DyadError('DYAD_E010', `could not fetch ${url}: ${errorMessage(e)}`);
    if (e.code === 'DYAD_E004') throw new DyadError('DYAD_E004', `${url} is larger than ${MAX_HTML_BYTES / 1048576} MB`);
    const why = e.message.startsWith(`${url}: `) ? e.message.slice(url.length + 2) : e.message;
    throw new DyadError(e.code, `could not fetch ${url}: ${why}`);
  }
  const contentType = page.contentType;
  if (contentType && !/html|xml|text\/plain/i.test(contentType)) {
    throw new DyadError('DYAD_E002', `${url} is not an HTML page (content-type ${contentType})`);
  }
  return { bytes: page.body, contentType, url: page.url };
}

async function readPage(input: string, io: Io, robots: boolean): Promise<Page> {
  if (input === '-') return { bytes: await io.stdin(), contentType: null, url: null };
  if (/^https?:\/\//i.test(input)) return fetchPage(input, robots);
  try {
    return { bytes: await readFile(input), contentType: null, url: null };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') throw new DyadError('DYAD_E001', `${input}: file not found`);
    if (code === 'EISDIR') throw new DyadError('DYAD_E008', `${input}: is a directory, not an HTML file`);
    throw new DyadError('DYAD_E008', `${input}: could not be read (${errorMessage(e)})`);
  }
}

/** Gunzip when the bytes are gzip; refuse empty, oversized and binary input. */
function pageText(page: Page, name: string): string {
  let bytes = page.bytes;
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_HTML_BYTES + 1 });
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new DyadError('DYAD_E004', `${name}: page is larger than 20 MB`);
      throw new DyadError('DYAD_E002', `${name}: corrupt gzip data`);
    }
  }
  if (bytes.length > MAX_HTML_BYTES) throw new DyadError('DYAD_E004', `${name}: page is larger than 20 MB`);
  if (bytes.length === 0 || bytes.toString('latin1').trim() === '') throw new DyadError('DYAD_E003', `${name}: input is empty`);
  const head = bytes.subarray(0, 2048);
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.includes(0)) throw new DyadError('DYAD_E002', `${name}: not HTML (binary data)`);
  const html = decodeHtml(bytes, page.contentType);
  if (!/<[a-z!/]/i.test(html.slice(0, 65536))) throw new DyadError('DYAD_E002', `${name}: not HTML (no tags found)`);
  return html;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'json' },
      url: { type: 'string' },
      'no-robots': { type: 'boolean' },
    },
  });
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text') throw new DyadError('DYAD_E005', `--format must be json or text, not '${format}'`);
  if (positionals.length !== 1) {
    throw new DyadError('DYAD_E005', positionals.length === 0 ? 'missing input (a file, a URL or -)' : 'give one input only');
  }
  const input = positionals[0]!;
  const name = input === '-' ? 'stdin' : input;
  const page = await readPage(input, io, !values['no-robots']);
  const html = pageText(page, name);
  let article;
  try {
    article = extractArticle(html, { url: values.url ?? page.url });
  } catch (e) {
    if (isDyadError(e)) throw new DyadError(e.code, `${name}: ${e.message}`);
    throw new DyadError('DYAD_E009', `${name}: could not extract the article (${errorMessage(e)})`);
  }
  if (format === 'text') io.out(`${article.title ?? ''}\n\n${article.text}\n`);
  else io.out(JSON.stringify(article, null, 2) + '\n');
  return 0;
}
