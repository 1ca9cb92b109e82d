/**
 * Page metadata read from the parsed document before extraction changes it: title, publication
 * date, byline, outlet, canonical URL, language and description, from meta tags, JSON-LD,
 * microdata and `<time>` elements, then from the URL.
 */

export interface PageMeta {
  title: string | null;
  date: string | null;
  datetime: string | null;
  byline: string | null;
  outlet: string | null;
  canonicalUrl: string | null;
  language: string | null;
  description: string | null;
  /** `articleBody` of a JSON-LD article object, when the page carries one. */
  jsonLdBody: string | null;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const ARTICLE_TYPES = /article|posting|report|blog|newsarticle|webpage|liveblog/i;

/** Meta names/properties that carry the publication date, most reliable first. */
const DATE_META = [
  'article:published_time',
  'og:article:published_time',
  'article:published',
  'datepublished',
  'parsely-pub-date',
  'sailthru.date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'published_time',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.date',
  'dcterms.created',
  'citation_publication_date',
  'citation_date',
  'og:published_time',
  'article.published',
  'cxenseparse:recs:publishtime',
  'displaydate',
  'original-publish-date',
];

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function clean(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t === '' ? null : t;
}

function validYmd(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A date value as found in a page → `{ date: YYYY-MM-DD, datetime }`. ISO strings keep the date as
 * written (the outlet's local date), not converted to UTC.
 */
export function parseDateValue(raw: string | null | undefined): { date: string; datetime: string | null } | null {
  const v = clean(raw);
  if (!v) return null;
  const iso = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(v);
  if (iso) {
    const date = validYmd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!date) return null;
    let datetime: string | null = null;
    if (iso[4] !== undefined) {
      const hh = iso[4]!.padStart(2, '0');
      const ss = iso[6] ?? '00';
      let tz = iso[7] ?? '';
      if (/^[+-]\d{4}$/.test(tz)) tz = `${tz.slice(0, 3)}:${tz.slice(3)}`;
      datetime = `${date}T${hh}:${iso[5]}:${ss}${tz}`;
    }
    return { date, datetime };
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2}))?/.exec(v);
  if (compact && v.length <= 20) {
    const date = validYmd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
    if (date) return { date, datetime: null };
  }
  // "November 19, 2019", "Nov. 19 2019", "19 November 2019", "Tue, 19 Nov 2019 08:03:00 GMT"
  const mdy = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/.exec(v);
  const dmy = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/.exec(v);
  let date: string | null = null;
  if (dmy && MONTHS[dmy[2]!.slice(0, 3).toLowerCase()]) {
    date = validYmd(Number(dmy[3]), MONTHS[dmy[2]!.slice(0, 3).toLowerCase()]!, Number(dmy[1]));
  } else if (mdy && MONTHS[mdy[1]!.slice(0, 3).toLowerCase()]) {
    date = validYmd(Number(mdy[3]), MONTHS[mdy[1]!.slice(0, 3).toLowerCase()]!, Number(mdy[2]));
  }
  if (date) {
    let datetime: string | null = null;
    if (/\d{1,2}:\d{2}/.test(v) && /(GMT|UTC|[+-]\d{4}|Z)\b/.test(v)) {
      const t = Date.parse(v);
      if (!Number.isNaN(t)) datetime = new Date(t).toISOString();
    }
    return { date, datetime };
  }
  return null;
}

/** A date written in a URL path: /2020/10/07/, /2020-10-07-, /20201007/. */
export function dateFromUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* keep the raw string */
  }
  const slashed = /(?:^|[/_-])((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path);
  if (slashed) {
    const d = validYmd(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]));
    if (d) return d;
  }
  const compact = /(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=$|[/_.-])/.exec(path);
  if (compact) return validYmd(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return null;
}

function parseJsonLd(text: string): Json | null {
  try {
    return JSON.parse(text) as Json;
  } catch {
    // Some pages put raw newlines or a trailing semicolon in the script.
    try {
      return JSON.parse(text.replace(/[\r\n\t]+/g, ' ').replace(/;\s*$/, '')) as Json;
    } catch {
      return null;
    }
  }
}

function flattenLd(node: Json, out: JsonObject[], depth = 0): void {
  if (depth > 6 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) flattenLd(n, out, depth + 1);
    return;
  }
  out.push(node);
  const graph = node['@graph'];
  if (graph) flattenLd(graph, out, depth + 1);
  const main = node['mainEntity'];
  if (main && typeof main === 'object') flattenLd(main, out, depth + 1);
}

function ldTypes(o: JsonObject): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function ldName(v: Json | undefined): string | null {
  if (v == null) return null;
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) {
    const names = v.map((x) => ldName(x)).filter((x): x is string => x !== null);
    return names.length ? [...new Set(names)].join(', ') : null;
  }
  if (typeof v === 'object') return ldName(v['name'] as Json);
  return null;
}

/** The JSON-LD objects of a page, flattened (arrays, @graph, mainEntity). */
export function jsonLdObjects(document: Document): JsonObject[] {
  const out: JsonObject[] = [];
  for (const s of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    const parsed = parseJsonLd(s.textContent ?? '');
    if (parsed !== null) flattenLd(parsed, out);
  }
  return out;
}

function metaContent(document: Document): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const content = el.getAttribute('content');
    if (key && content && !m.has(key)) m.set(key, content);
  }
  return m;
}

function hostName(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\d?\./, '') || null;
  } catch {
    return null;
  }
}

function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  const h = clean(href);
  if (!h) return null;
  try {
    return base ? new URL(h, base).href : new URL(h).href;
  } catch {
    return null;
  }
}

/** "By Jane Roe @janeroe Nov 18, 2019 at 9:24 pm • 2 min read" -> "Jane Roe". */
export function cleanByline(raw: string | null | undefined): string | null {
  let b = clean(raw);
  if (!b) return null;
  b = b.replace(/^(?:written |posted |story )?by[:\s]+/i, '');
  b = b.split(/\s+(?:@\w|[|•·]|\d{1,2}:\d{2}|(?:updated|published|posted)\b)|\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})/i)[0]!;
  b = b.replace(/[\s,;:|•·-]+$/, '').trim();
  if (b.length < 2 || b.length > 120 || /^https?:/.test(b)) return null;
  return b;
}

/** "Autoracing | F1 | Indy" -> "Autoracing"; "https://www.example.in" -> "example.in". */
export function cleanOutlet(raw: string | null | undefined): string | null {
  const o = clean(raw);
  if (!o) return null;
  if (/^https?:\/\//i.test(o)) return hostName(o);
  const first = o.split(/\s+[|–—:-]\s+/)[0]!.trim();
  return first.length >= 2 ? first : o;
}

/** "Story headline | The Outlet" -> "Story headline", when the suffix names the outlet or host. */
export function cleanTitle(title: string | null, outlet: string | null, host: string | null): string | null {
  if (!title) return null;
  const m = /^(.{8,}?)\s+[|–—:-]\s+([^|–—]{2,60})$/.exec(title);
  if (!m) return title;
  const key = (x: string | null): string => (x ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  const suffix = key(m[2]!);
  const site = key(outlet);
  const hostKey = key((host ?? '').replace(/\.[a-z]{2,}(?:\.[a-z]{2})?$/i, ''));
  if (suffix.length < 3) return title;
  const namesSite = (name: string): boolean => name.length >= 3 && (name.includes(suffix) || suffix.includes(name));
  return namesSite(site) || namesSite(hostKey) ? m[1]!.trim() : title;
}

/** Read every metadata field of the page. `url` is where the page came from, when known. */
export function readMetadata(document: Document, url: string | null): PageMeta {
  const meta = metaContent(document);
  const ld = jsonLdObjects(document);
  const articles = ld.filter((o) => ldTypes(o).some((t) => ARTICLE_TYPES.test(t)));
  const ldArticle = articles.find((o) => typeof o['articleBody'] === 'string') ?? articles[0] ?? null;

  // Canonical URL first: other fields resolve against it.
  const canonicalUrl =
    absoluteUrl(document.querySelector('link[rel~="canonical"]')?.getAttribute('href'), url) ??
    absoluteUrl(meta.get('og:url'), url);
  const pageUrl = url ?? canonicalUrl;

  // Date: meta tags, JSON-LD, microdata, <time>, then the URL.
  let found: { date: string; datetime: string | null } | null = null;
  for (const key of DATE_META) {
    found = parseDateValue(meta.get(key));
    if (found) break;
  }
  if (!found) {
    for (const o of articles.length ? articles : ld) {
      found = parseDateValue(typeof o['datePublished'] === 'string' ? o['datePublished'] : null) ??
        parseDateValue(typeof o['dateCreated'] === 'string' ? o['dateCreated'] : null);
      if (found) break;
    }
  }
  if (!found) {
    for (const el of Array.from(document.querySelectorAll('[itemprop="datePublished"]'))) {
      found = parseDateValue(el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent);
      if (found) break;
    }
  }
  if (!found) {
    const t = document.querySelector('time[pubdate], article time[datetime], time[datetime]');
    found = parseDateValue(t?.getAttribute('datetime') ?? null);
  }
  if (!found) {
    // any other meta whose name speaks of a publication date (site-specific names)
    for (const [key, value] of meta) {
      if (!/date|publish|posted/.test(key) || /modif|updat|expir|revis/.test(key)) continue;
      found = parseDateValue(value);
      if (found) break;
    }
  }
  if (!found) {
    // a visible date element: class names like "date", "post-date", "published"
    for (const el of Array.from(document.querySelectorAll('time, [class*="date"], [class*="publish"], [class*="posted"]')).slice(0, 30)) {
      const cls = (el.getAttribute('class') ?? '').toLowerCase();
      if (/modif|updat/.test(cls)) continue;
      const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (text.length === 0 || text.length > 100) continue;
      found = parseDateValue(text) ?? parseDateValue(text.replace(/^\D+(?=\d{4}[-/.]\d)/, ''));
      if (found) break;
    }
  }
  if (!found) {
    const d = dateFromUrl(pageUrl) ?? dateFromUrl(canonicalUrl);
    if (d) found = { date: d, datetime: null };
  }

  const ldPublisher = articles.map((o) => ldName(o['publisher'])).find((x) => x) ?? null;
  const ldOrg = ld.find((o) => ldTypes(o).some((t) => /^(NewsMediaOrganization|Organization)$/.test(t)));
  const outlet =
    cleanOutlet(meta.get('og:site_name')) ??
    cleanOutlet(ldPublisher) ??
    cleanOutlet(ldOrg ? ldName(ldOrg['name']) : null) ??
    cleanOutlet(meta.get('application-name')) ??
    hostName(canonicalUrl ?? pageUrl);

  const ldAuthor = articles.map((o) => ldName(o['author'])).find((x) => x) ?? null;
  const byline =
    cleanByline(ldAuthor) ??
    cleanByline(meta.get('author')) ??
    cleanByline(meta.get('article:author')) ??
    cleanByline(meta.get('parsely-author')) ??
    cleanByline(meta.get('sailthru.author')) ??
    cleanByline(meta.get('dc.creator')) ??
    cleanByline(document.querySelector('[rel="author"], [itemprop="author"] [itemprop="name"], [itemprop="author"]')?.textContent);

  const language =
    clean(document.documentElement?.getAttribute('lang')) ??
    clean(meta.get('og:locale')?.replace('_', '-')) ??
    clean(meta.get('content-language')) ??
    clean(meta.get('language')) ??
    (ldArticle && typeof ldArticle['inLanguage'] === 'string' ? clean(ldArticle['inLanguage']) : null);

  const title =
    clean(meta.get('og:title')) ??
    (ldArticle && typeof ldArticle['headline'] === 'string' ? clean(ldArticle['headline']) : null) ??
    clean(document.querySelector('h1')?.textContent) ??
    clean(document.querySelector('title')?.textContent);

  const description =
    clean(meta.get('og:description')) ?? clean(meta.get('description')) ?? clean(meta.get('twitter:description'));

  const body = ldArticle && typeof ldArticle['articleBody'] === 'string' ? ldArticle['articleBody'] : null;

  return {
    title: cleanTitle(title, outlet, hostName(canonicalUrl ?? pageUrl)),
    date: found?.date ?? null,
    datetime: found?.datetime ?? null,
    byline,
    outlet,
    canonicalUrl,
    language,
    description,
    jsonLdBody: body && body.trim() ? body : null,
  };
}
