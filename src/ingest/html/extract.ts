/**
 * HTML page -> article: title, paragraphs of body text, publication date, byline, outlet, canonical
 * URL, language, description and figure captions.
 *
 * Pipeline: parse with linkedom; read metadata (meta tags, JSON-LD, <time>, URL); clean the DOM of
 * news furniture (share bars, newsletter boxes, related links, adverts; captions kept apart); run
 * Mozilla Readability; split its result into paragraphs and drop boilerplate lines; fall back to
 * the JSON-LD `articleBody` or the densest block of paragraphs when Readability finds too little.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DyadError, errorMessage } from '../../model/errors.js';
import { cleanDocument, parseCaption } from './clean.js';
import { cleanByline, readMetadata } from './metadata.js';
import { cleanBlocks, cleanParagraphs, elementBlocks, elementParagraphs, type Block } from './paragraphs.js';

export { decodeHtml } from './decode.js';
export { parseCaption } from './clean.js';
export { dateFromUrl, parseDateValue } from './metadata.js';

export interface ExtractedArticle {
  title: string | null;
  /** Paragraphs joined by a blank line. */
  text: string;
  paragraphs: string[];
  /** Publication date, YYYY-MM-DD. */
  date: string | null;
  /** Publication date and time, ISO 8601, when the page states a time. */
  datetime: string | null;
  byline: string | null;
  outlet: string | null;
  canonicalUrl: string | null;
  /** Where the page was read from, when known. */
  url: string | null;
  language: string | null;
  description: string | null;
  captions: Array<{ text: string; credit: string | null }>;
}

export interface ExtractOptions {
  /** The page's URL: used for the date in the path, the outlet's host name and relative links. */
  url?: string | null;
}

/** Pages larger than this are refused (DYAD_E004). */
export const MAX_HTML_BYTES = 20 * 1024 * 1024;
/**
 * Past this many elements (after clean-up) Readability is skipped for the densest-block fallback:
 * its scoring slows down sharply on huge DOMs. The benchmark's largest page has about 1,600.
 */
const MAX_ELEMENTS = 15_000;
/** Past this nesting depth the page is flattened before parsing (the benchmark's deepest: ~300). */
const MAX_DEPTH = 1_000;
/** A page with fewer words than this has no article (DYAD_E009). */
const MIN_ARTICLE_WORDS = 8;
/** Below this many characters a Readability result is not trusted alone. */
const MIN_ARTICLE_CHARS = 250;

/** Make sure linkedom sees <html> and <body>: without them it puts content outside the body. */
function asDocument(html: string): string {
  let h = html;
  if (!/<body[\s>]/i.test(h)) {
    if (/<\/head\s*>/i.test(h)) h = h.replace(/<\/head\s*>/i, '</head><body>');
    // `[^<>]*`, not `[^>]*`: a match attempt stops at the next tag, so `<html <html …` stays linear.
    else if (/<html(?:\s[^<>]*)?>/i.test(h)) h = h.replace(/<html(?:\s[^<>]*)?>/i, (m) => `${m}<body>`);
    else h = `<body>${h}`;
  }
  if (!/<html[\s>]/i.test(h)) h = `<html>${h}</html>`;
  return h;
}

/** Tags that close themselves or are closed implicitly: they do not deepen the tree. */
const FLAT_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'option', 'td', 'tr', 'th', 'dd', 'dt',
]);

/** One tag of the page: `<name …>`, `</name>` or `<name …/>`, found by a linear scan. */
interface TagToken {
  start: number;
  /** Just past the closing `>`. */
  end: number;
  name: string;
  closing: boolean;
  selfClosing: boolean;
}

const TAG_NAME = /[a-zA-Z][\w:-]*/y;

/**
 * The tags of a page in order, in one pass: a `<` that starts a name runs to the next `>`. Each
 * `>` is looked up once from where the scan stands, so the cost is linear in the page's length
 * even when it is full of tags that never close (`<a <a <a …`, issue #17: a regex with
 * `[^>]*` retried from every `<` took 38 s on 800 KB). Past the last `>` nothing can be a tag.
 */
export function* htmlTags(html: string): Generator<TagToken> {
  let i = html.indexOf('<');
  while (i !== -1) {
    const closing = html.charCodeAt(i + 1) === 47; // '/'
    TAG_NAME.lastIndex = i + (closing ? 2 : 1);
    const m = TAG_NAME.exec(html);
    if (m === null) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const gt = html.indexOf('>', TAG_NAME.lastIndex);
    if (gt === -1) return;
    yield { start: i, end: gt + 1, name: m[0], closing, selfClosing: html.charCodeAt(gt - 1) === 47 };
    i = html.indexOf('<', gt + 1);
  }
}

/** Estimated maximum nesting depth of the page, from its tags alone (cheap: no parsing; linear). */
export function tagDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const t of htmlTags(html)) {
    if (t.selfClosing || FLAT_TAGS.has(t.name.toLowerCase())) continue;
    if (t.closing) {
      if (depth > 0) depth--;
    } else if (++depth > max) {
      max = depth;
    }
  }
  return max;
}

/** Keep only paragraph-level tags: a pathologically deep page becomes a flat list of blocks. */
const KEEP_WHEN_FLAT = /^(?:p|br|h[1-6]|li|title|meta|link|script|style|html|head|body|blockquote|pre|tr|td|th)$/i;
function flattenHtml(html: string): string {
  const out: string[] = [];
  let at = 0;
  for (const t of htmlTags(html)) {
    if (KEEP_WHEN_FLAT.test(t.name)) continue;
    out.push(html.slice(at, t.start), ' ');
    at = t.end;
  }
  out.push(html.slice(at));
  return out.join('');
}

function parseDocument(html: string): Document {
  try {
    const { document } = parseHTML(asDocument(html)) as unknown as { document: Document };
    return document;
  } catch (e) {
    throw new DyadError('DYAD_E009', `could not parse the HTML: ${errorMessage(e)}`);
  }
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '').toLowerCase() || null;
  } catch {
    return null;
  }
}

function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** True when the paragraphs hold at least `n` words (stops counting there). */
function hasWords(paragraphs: string[], n: number): boolean {
  const re = /[\p{L}\p{N}]+/gu;
  let count = 0;
  for (const p of paragraphs) {
    re.lastIndex = 0;
    while (re.exec(p)) if (++count >= n) return true;
  }
  return false;
}

/** Paragraphs of the JSON-LD articleBody (often one block with newlines, sometimes HTML). */
function jsonLdParagraphs(body: string): string[] {
  let text = body;
  if (/<\/?(p|br|div)\b/i.test(text)) {
    const { document } = parseHTML(`<html><body>${text}</body></html>`) as unknown as { document: Document };
    return elementParagraphs(document.body);
  }
  text = text.replace(/\r\n?/g, '\n');
  return text
    .split(/\n+/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** The parent element holding the most text in <p> children: the article when Readability fails. */
function densestBlock(document: Document): Block[] {
  const body = document.body;
  if (!body) return [];
  const totals = new Map<Element, number>();
  for (const p of Array.from(body.querySelectorAll('p'))) {
    const parent = p.parentElement;
    if (!parent) continue;
    const len = (p.textContent ?? '').trim().length;
    totals.set(parent, (totals.get(parent) ?? 0) + len);
  }
  let best: Element | null = null;
  let bestLen = 0;
  for (const [el, len] of totals) {
    if (len > bestLen) {
      best = el;
      bestLen = len;
    }
  }
  return elementBlocks(best ?? body);
}

/**
 * Extract the article of an HTML page. Throws DyadError DYAD_E004 for a page over 20 MB and
 * DYAD_E009 when the page has no article text.
 */
export function extractArticle(html: string, opts: ExtractOptions = {}): ExtractedArticle {
  if (html.length > MAX_HTML_BYTES || (html.length > MAX_HTML_BYTES / 4 && Buffer.byteLength(html) > MAX_HTML_BYTES)) {
    throw new DyadError('DYAD_E004', `page is larger than ${MAX_HTML_BYTES / 1024 / 1024} MB`);
  }
  const url = opts.url ?? null;
  if (html.trim() === '') throw new DyadError('DYAD_E009', 'page is empty: no article text');
  const source = tagDepth(html) > MAX_DEPTH ? flattenHtml(html) : html;
  const document = parseDocument(source);
  const meta = readMetadata(document, url);
  const captions = cleanDocument(document);
  // Readability changes the document; the fallback below needs it as cleaned.
  const huge = document.querySelectorAll('*').length > MAX_ELEMENTS;

  let blocks: Block[] = [];
  let readabilityTitle: string | null = null;
  let readabilityByline: string | null = null;
  if (!huge) {
    try {
      const result = new Readability<Element>(document, { serializer: (el) => el as Element }).parse();
      if (result?.content) blocks = elementBlocks(result.content);
      readabilityTitle = result?.title?.trim() || null;
      readabilityByline = cleanByline(result?.byline);
    } catch {
      blocks = [];
    }
  }
  const title = meta.title ?? readabilityTitle;
  const cleaned = cleanBlocks(blocks, title, hostOf(url ?? meta.canonicalUrl));
  let paragraphs = cleaned.paragraphs;
  for (const c of cleaned.captions) {
    const cap = parseCaption(c);
    if (!captions.some((x) => x.text === cap.text)) captions.push(cap);
  }

  const chars = paragraphs.reduce((n, p) => n + p.length, 0);
  if (meta.jsonLdBody) {
    const ld = cleanParagraphs(jsonLdParagraphs(meta.jsonLdBody), title);
    // Measured: preferring the JSON-LD body whenever it is about as long as the page text lowers F1
    // (it often lacks lists, quotes and subheadings), so it is a fallback only.
    if (chars < MIN_ARTICLE_CHARS && wordCount(ld.join(' ')) > wordCount(paragraphs.join(' '))) paragraphs = ld;
  }
  if (paragraphs.reduce((n, p) => n + p.length, 0) < MIN_ARTICLE_CHARS) {
    let fresh = document;
    if (!huge) {
      fresh = parseDocument(source);
      cleanDocument(fresh);
    }
    const dense = cleanBlocks(densestBlock(fresh), title).paragraphs;
    if (wordCount(dense.join(' ')) > wordCount(paragraphs.join(' '))) paragraphs = dense;
  }
  if (!hasWords(paragraphs, MIN_ARTICLE_WORDS)) {
    throw new DyadError('DYAD_E009', 'no article text found in the page');
  }

  return {
    title,
    text: paragraphs.join('\n\n'),
    paragraphs,
    date: meta.date,
    datetime: meta.datetime,
    byline: meta.byline ?? readabilityByline,
    outlet: meta.outlet,
    canonicalUrl: meta.canonicalUrl,
    url,
    language: meta.language,
    description: meta.description,
    captions,
  };
}
