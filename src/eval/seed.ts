/**
 * Scores the coder on the seed article (../shared/seed/): the required events (with their
 * CAMEO code and date where given), the forbidden ones, the acceptable extras, the headline/lead
 * merge, and the actors and quotes with their speakers.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeSync } from '../index.js';
import type { CodedDocument } from '../model/contract.js';
import type { CodedEvent } from '../model/document.js';

interface SeedEvent {
  source: string;
  target: string;
  root: string;
  cameo?: string;
  date?: string;
  why: string;
}

interface Expected {
  publicationDate: string;
  requiredEvents: SeedEvent[];
  forbiddenEvents: SeedEvent[];
  acceptableEvents: SeedEvent[];
  actors: Array<{ text: string; code: string; mentions?: string[] }>;
  quotes: Array<{ speaker: string; text: string }>;
}

export interface SeedScores {
  required: Array<{ why: string; found: boolean }>;
  forbidden: Array<{ why: string; violated: boolean }>;
  extras: string[];
  mergedMentions: number;
  precision: number;
  recall: number;
  quotes: Array<{ text: string; want: string; got: string | null }>;
  coded: CodedDocument;
}

function alt(spec: string, value: string | null): boolean {
  if (spec === '*') return true;
  return spec.split('|').some((x) => (x === 'null' ? value === null : x === value));
}

function country(a: CodedEvent['source']): string | null {
  if (!a) return null;
  return a.country ?? (a.code.startsWith('IGO') ? 'IGO' : a.code.slice(0, 3));
}

function matches(spec: SeedEvent, e: CodedEvent): boolean {
  return (
    alt(spec.source, country(e.source)) &&
    alt(spec.target, country(e.target)) &&
    alt(spec.root, e.root) &&
    (spec.cameo === undefined || spec.cameo === e.cameo) &&
    (spec.date === undefined || spec.date === e.date)
  );
}

export function evalSeed(sharedDir: string): SeedScores | null {
  const dir = join(sharedDir, 'seed');
  if (!existsSync(join(dir, 'expected.json'))) return null;
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const coded = codeSync(readFileSync(join(dir, 'article.txt'), 'utf8'), { date: expected.publicationDate });
  const used = new Set<CodedEvent>();
  const required = expected.requiredEvents.map((r) => {
    const hit = coded.events.find((e) => !used.has(e) && matches(r, e)) ?? coded.events.find((e) => matches(r, e));
    if (hit) used.add(hit);
    return { why: r.why, found: hit !== undefined };
  });
  const forbidden = expected.forbiddenEvents.map((f) => ({ why: f.why, violated: coded.events.some((e) => matches(f, e)) }));
  const extras = coded.events
    .filter((e) => !used.has(e) && !expected.requiredEvents.some((r) => matches(r, e)) && !expected.acceptableEvents.some((a) => matches(a, e)))
    .map((e) => `${country(e.source)} ${e.cameo} ${country(e.target)} "${e.evidence.text}"`);
  const first = coded.events.find((e) => matches(expected.requiredEvents[0]!, e));
  const tp = required.filter((r) => r.found).length;
  const wrong = extras.length + forbidden.filter((f) => f.violated).length;
  const quotes = expected.quotes.map((q) => {
    const got = coded.quotes.find((x) => x.text === q.text) ?? coded.quotes.find((x) => x.text.startsWith(q.text.slice(0, 30)));
    return { text: q.text, want: q.speaker, got: got?.speaker?.name ?? null };
  });
  return {
    required,
    forbidden,
    extras,
    mergedMentions: first?.mentions ?? 0,
    precision: tp + wrong === 0 ? 0 : tp / (tp + wrong),
    recall: tp / required.length,
    quotes,
    coded,
  };
}

export function formatSeed(s: SeedScores): string {
  const lines = ['Seed article (../shared/seed)'];
  for (const r of s.required) lines.push(`  ${r.found ? 'found  ' : 'MISSING'} ${r.why}`);
  for (const f of s.forbidden) lines.push(`  ${f.violated ? 'CODED (forbidden)' : 'not coded (ok)   '} ${f.why}`);
  for (const x of s.extras) lines.push(`  extra  ${x}`);
  lines.push(`  headline/standfirst/lead accusation mentions: ${s.mergedMentions}`);
  const okQuotes = s.quotes.filter((q) => q.got === q.want).length;
  lines.push(`  quotes with the right speaker: ${okQuotes}/${s.quotes.length}`);
  for (const q of s.quotes) if (q.got !== q.want) lines.push(`    "${q.text.slice(0, 50)}": want ${q.want}, got ${q.got}`);
  lines.push(`  precision ${(100 * s.precision).toFixed(1)}%  recall ${(100 * s.recall).toFixed(1)}%`);
  return lines.join('\n');
}
