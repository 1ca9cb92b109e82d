/**
 * One job → one coded article: extract the article from HTML when needed, then code it.
 * Runs inside the worker threads (and in the main thread when `workers` is 0).
 */
import { decodeHtml, extractArticle, parseDateValue } from './html/extract.js';
import type { CodedDocument } from '../model/contract.js';
import { errorMessage } from '../model/errors.js';
import type { Job, JobResult } from './types.js';
import { sameSite } from './site.js';

export type CodeFn = (
  text: string,
  opts: { date?: string | null; url?: string | null; title?: string | null; outlet?: string | null },
) => Promise<CodedDocument>;

/** Fewer letters than this after extraction and the document is refused as "no article text". */
const MIN_TEXT_LETTERS = 20;

function letters(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{L}/u.test(ch)) n++;
  return n;
}

function isoDate(d: string | null | undefined): string | null {
  if (!d) return null;
  const m = /^(\d{4}-\d{2}-\d{2})/.exec(d.trim());
  return m ? m[1]! : null;
}

/**
 * A publication date stated at the top of a plain-text article ("… on Saturday, February 24, 2024, …"):
 * the first full date in its first 300 characters, or null.
 */
export function datelineDate(text: string): string | null {
  const head = text.slice(0, 300);
  const m = /\b(\d{4}-\d{2}-\d{2})\b|\b(?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} [A-Z][a-z]{2,8}\.? \d{4})\b/.exec(head);
  if (!m) return null;
  try {
    return parseDateValue(m[0])?.date ?? null;
  } catch {
    return null;
  }
}

export async function prepareJob(job: Job, code: CodeFn, dateDefault: string | null): Promise<JobResult> {
  try {
    let text: string;
    let title = job.title;
    let date = isoDate(job.date);
    let outlet = job.outlet;
    let url = job.url;
    let canonical: string | null = null;
    let language: string | null = null;
    let foreign: string | null = null;
    if (job.html !== undefined || job.bytes !== undefined) {
      const html = job.html ?? decodeHtml(Buffer.from(job.bytes!), job.contentType ?? null);
      const ex = extractArticle(html, { url: job.url });
      text = ex.text;
      title = title ?? ex.title;
      date = date ?? isoDate(ex.date);
      outlet = outlet ?? ex.outlet;
      url = url ?? ex.url ?? null;
      canonical = ex.canonicalUrl;
      // Another site's canonical URL is not this page's identity (it would take that site's
      // article id and make its real article be skipped): recorded, not used.
      if (canonical !== null && url !== null && !sameSite(canonical, url)) {
        foreign = canonical;
        canonical = null;
      }
      language = ex.language;
    } else {
      text = job.text ?? '';
    }
    if (text.includes('\u0000')) return { ok: false, source: job.source, reason: 'binary content (NUL bytes), not text' };
    if (letters(text.slice(0, 5000)) < MIN_TEXT_LETTERS) {
      return { ok: false, source: job.source, reason: 'no article text found' };
    }
    date = date ?? (job.text !== undefined ? datelineDate(text) : null) ?? dateDefault;
    const doc = await code(text, { date, url: canonical ?? url, title, outlet });
    if (foreign !== null) doc.document.dropped.push({ kind: 'foreign-canonical', text: foreign });
    return {
      ok: true,
      article: {
        url,
        canonicalUrl: canonical,
        outlet,
        title: title ?? doc.document.title,
        date,
        language: language ?? doc.document.language,
        source: job.source,
        rawHash: job.rawHash,
      },
      doc,
    };
  } catch (e) {
    return { ok: false, source: job.source, reason: errorMessage(e).split('\n')[0]!.slice(0, 500) };
  }
}
