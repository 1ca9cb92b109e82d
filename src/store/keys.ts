/**
 * Identity of what the store holds, shared by every backend: article ids, content hashes, merged
 * event ids and the dates they are bucketed by. Pure functions, no database.
 */
import { createHash } from 'node:crypto';

export function sha256(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex');
}

/** A URL normalised for identity: no fragment, no tracking parameters, lower-case host. */
export function normaliseUrl(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) {
      if (/^(utm_|fbclid$|gclid$|mc_cid$|mc_eid$)/i.test(k)) u.searchParams.delete(k);
    }
    let s = u.toString();
    if (s.endsWith('/') && u.pathname !== '/') s = s.slice(0, -1);
    return s;
  } catch {
    return url.trim();
  }
}

/** Article id: the first 16 hex digits of sha256(canonical URL), or of the content hash when there is no URL. */
export function articleId(url: string | null | undefined, contentHash: string): string {
  if (url) return sha256(normaliseUrl(url)).slice(0, 16);
  return contentHash.slice(0, 16);
}

const DAY_MS = 86_400_000;

export function epochDays(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!m) return null;
  // setUTCFullYear, not Date.UTC, which reads the years 0-99 as 1900-1999.
  const t = new Date(0).setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.floor(t / DAY_MS) : null;
}

export function validDate(d: string | null | undefined): string | null {
  if (!d) return null;
  return epochDays(d) === null ? null : d.slice(0, 10);
}

/**
 * The merged event id: a stable hash of (date bucket, source code, target code, CAMEO code).
 * Undated events never merge across articles (their bucket names the article).
 */
export function mergedEventId(
  date: string | null,
  sourceCode: string | null,
  targetCode: string | null,
  cameo: string,
  windowDays: number,
  articleIdForUndated: string,
): string {
  const days = date === null ? null : epochDays(date);
  const bucket = days === null ? `nodate:${articleIdForUndated}` : String(Math.floor(days / windowDays));
  return sha256(`${bucket}|${sourceCode ?? ''}|${targetCode ?? ''}|${cameo}`).slice(0, 16);
}
