/**
 * Strict parsing of query parameters: every value is checked against a pattern or range and a bad
 * one becomes a 400 naming the parameter. Nothing here builds SQL; values are bound as parameters.
 */

import { isCalendarDate } from '../model/dates.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly parameter: string | null = null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function badParam(name: string, message: string): HttpError {
  return new HttpError(400, `${name}: ${message}`, name);
}

/** CAMEO actor codes and ISO-3 countries: letters and digits only. */
export const ACTOR_RE = /^[A-Za-z0-9]{2,30}$/;

/** A real calendar date YYYY-MM-DD, years 0001-9999. */
export const isValidDate = isCalendarDate;

/** A client string cut to 60 characters for a message (a 15 KB parameter name is not echoed whole). */
export function clip(v: string): string {
  return v.length > 60 ? v.slice(0, 60) + '…' : v;
}

function show(v: string): string {
  return JSON.stringify(clip(v));
}

export class Params {
  private readonly used = new Set<string>();
  constructor(
    private readonly sp: URLSearchParams,
    allowed: readonly string[],
  ) {
    for (const key of new Set(sp.keys())) {
      if (!allowed.includes(key)) {
        throw badParam(clip(key), `unknown parameter (allowed: ${allowed.length ? allowed.join(', ') : 'none'})`);
      }
      if (sp.getAll(key).length > 1) throw badParam(clip(key), 'given more than once');
    }
  }

  raw(name: string): string | null {
    this.used.add(name);
    const v = this.sp.get(name);
    return v === null || v === '' ? null : v;
  }

  str(name: string, maxLen = 200): string | null {
    const v = this.raw(name);
    if (v === null) return null;
    if (v.length > maxLen) throw badParam(name, `too long (at most ${maxLen} characters)`);
    if ([...v].some((c) => c.charCodeAt(0) < 32)) throw badParam(name, 'contains control characters');
    return v;
  }

  match(name: string, re: RegExp, what: string): string | null {
    const v = this.raw(name);
    if (v === null) return null;
    if (!re.test(v)) throw badParam(name, `expected ${what}, got ${show(v)}`);
    return v;
  }

  int(name: string, def: number, min: number, max: number): number {
    const v = this.raw(name);
    if (v === null) return def;
    if (!/^-?\d{1,9}$/.test(v)) throw badParam(name, `expected an integer, got ${show(v)}`);
    const n = Number(v);
    if (n < min || n > max) throw badParam(name, `must be between ${min} and ${max}, got ${n}`);
    return n;
  }

  date(name: string): string | null {
    const v = this.raw(name);
    if (v === null) return null;
    if (!isValidDate(v)) throw badParam(name, `expected a date YYYY-MM-DD, got ${show(v)}`);
    return v;
  }

  bool(name: string): boolean {
    const v = this.raw(name);
    if (v === null) return false;
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0') return false;
    throw badParam(name, `expected true or false, got ${show(v)}`);
  }

  oneOf<T extends string>(name: string, options: readonly T[], def: T): T {
    const v = this.raw(name);
    if (v === null) return def;
    if (!(options as readonly string[]).includes(v)) throw badParam(name, `expected one of ${options.join(', ')}, got ${show(v)}`);
    return v as T;
  }
}
