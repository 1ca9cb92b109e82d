/** Typed access to the server's JSON API. */
import type { CodedDocument } from '../../model/contract.js';

export interface Actor {
  code: string;
  country: string | null;
  role: string | null;
  name: string | null;
}

export interface EventRow {
  id: string;
  date: string | null;
  source: Actor | null;
  target: Actor | null;
  cameo: string;
  root: string;
  quadClass: number;
  goldstein: number;
  plover: { event: string | null; mode: string | null };
  location: { name: string | null; lat: number; lon: number; country: string | null } | null;
  numMentions: number;
  numSources: number;
  numArticles: number;
  article: { id: string; title: string | null; outlet: string | null; date: string | null } | null;
}

export interface QuadPoint {
  date: string;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  total: number;
  goldstein: number | null;
}

export interface Overview {
  total: number;
  range: { since: string | null; until: string | null };
  bucket: 'day' | 'week' | 'month';
  quadTotals: number[];
  series: QuadPoint[];
  topDyads: Array<{ a: string; b: string; aName: string | null; bName: string | null; events: number; conflict: number; goldstein: number }>;
  locations: Array<{ lat: number; lon: number; name: string | null; country: string | null; events: number; goldstein: number }>;
}

// The article endpoint returns the stored `dyad code` output: the contract's own types (type-only
// imports, erased from the bundle).
export type { Span, CodedEvent } from '../../model/document.js';
export type { CodedDocument } from '../../model/contract.js';

export interface ArticleResponse {
  article: { id: string; url: string | null; outlet: string | null; title: string | null; date: string | null; numEvents: number };
  document: CodedDocument;
  storedEvents: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function qs(params: Query): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '' && v !== false) sp.set(k, String(v));
  const s = sp.toString();
  return s ? '?' + s : '';
}

async function parse<T>(r: Response): Promise<T> {
  const body = (await r.json().catch(() => ({ error: `HTTP ${r.status}` }))) as T & { error?: string };
  if (!r.ok) throw new ApiError(r.status, body.error ?? `HTTP ${r.status}`);
  return body;
}

export async function get<T>(path: string, params: Query = {}): Promise<T> {
  return parse<T>(await fetch(path + qs(params)));
}

export async function post<T>(path: string, body: unknown): Promise<T> {
  return parse<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}
