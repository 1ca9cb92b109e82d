/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom feeds → the articles they link to.
 */
import { XMLParser } from 'fast-xml-parser';
import { normaliseDate } from './files.js';

export interface FeedItem {
  url: string;
  title: string | null;
  date: string | null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  processEntities: true,
  htmlEntities: true,
  trimValues: true,
});

function arr<T>(v: T | T[] | undefined | null): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (typeof v === 'object' && '#text' in (v as Record<string, unknown>)) return text((v as Record<string, unknown>)['#text']);
  return null;
}

function atomLink(v: unknown): string | null {
  const links = arr(v as unknown[]);
  let best: string | null = null;
  for (const l of links) {
    if (typeof l === 'string') return l;
    if (l && typeof l === 'object') {
      const o = l as Record<string, unknown>;
      const href = text(o['@_href']);
      const rel = text(o['@_rel']) ?? 'alternate';
      if (href && rel === 'alternate') return href;
      if (href && best === null) best = href;
    }
  }
  return best;
}

/** True when the text looks like a feed rather than a web page. */
export function looksLikeFeed(body: string, contentType: string | null): boolean {
  if (contentType && /(rss|atom)\+xml/i.test(contentType)) return true;
  const head = body.slice(0, 2000).replace(/^\uFEFF/, '').trimStart();
  return /^<\?xml/i.test(head) ? /<(rss|feed|rdf:RDF)[\s>]/i.test(head) : /^<(rss|feed)[\s>]/i.test(head);
}

/** Parse a feed; relative links resolve against `base`. Throws on text that is not a feed. */
export function parseFeed(xml: string, base?: string): FeedItem[] {
  const doc = parser.parse(xml) as Record<string, unknown>;
  const out: FeedItem[] = [];
  const push = (link: string | null, title: string | null, date: unknown) => {
    if (!link) return;
    let url: string;
    try {
      url = new URL(link, base).href;
    } catch {
      return;
    }
    out.push({ url, title, date: normaliseDate(typeof date === 'string' ? date : text(date)) });
  };
  const rss = doc['rss'] as Record<string, unknown> | undefined;
  if (rss) {
    const channel = (arr(rss['channel'] as Record<string, unknown>)[0] ?? {}) as Record<string, unknown>;
    for (const it of arr(channel['item'] as Array<Record<string, unknown>>)) {
      const guid = it['guid'] as Record<string, unknown> | string | undefined;
      const guidLink =
        typeof guid === 'object' && guid !== null && text(guid['@_isPermaLink']) !== 'false' ? text(guid) : null;
      push(text(it['link']) ?? guidLink, text(it['title']), it['pubDate'] ?? it['date']);
    }
    return out;
  }
  const feed = doc['feed'] as Record<string, unknown> | undefined;
  if (feed) {
    for (const e of arr(feed['entry'] as Array<Record<string, unknown>>)) {
      push(atomLink(e['link']), text(e['title']), e['published'] ?? e['updated']);
    }
    return out;
  }
  const rdf = doc['RDF'] as Record<string, unknown> | undefined;
  if (rdf) {
    for (const it of arr(rdf['item'] as Array<Record<string, unknown>>)) {
      push(text(it['link']) ?? text(it['@_about']), text(it['title']), it['date']);
    }
    return out;
  }
  throw new Error('not an RSS or Atom feed');
}
