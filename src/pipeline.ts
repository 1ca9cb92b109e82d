/**
 * The pipeline: stages listed once, in order. Each stage declares what it requires and assigns;
 * `checkPipeline` verifies at start-up that something earlier assigns every requirement.
 */
import type { Doc, SourceMeta } from './model/document.js';
import { emptyDoc } from './model/document.js';
import { DyadError } from './model/errors.js';
import { cleanArticle } from './text/clean.js';
import { analyse, type Segment } from './text/tokens.js';
import { getResources, type Resources, type ResourceOptions } from './resources.js';
import { matchActors, assignContextCountry } from './actors/match.js';
import { resolveCoreference } from './actors/coref.js';
import { findQuotes } from './actors/quotes.js';
import { codeEvents } from './events/coder.js';
import { mergeEvents } from './events/merge.js';
import { addPlaces, locateEvents } from './stages/places.js';

export interface Context {
  /** Publication date YYYY-MM-DD: the reference for relative dates (never the clock). */
  date: string | null;
  resources: Resources;
  /** Raw input, before cleaning. */
  raw: string;
  title: string | null;
  detectTitle: boolean;
}

export interface Stage {
  name: string;
  requires: string[];
  assigns: string[];
  run(doc: Doc, ctx: Context): void;
}

export const PIPELINE: Stage[] = [
  {
    name: 'text.clean',
    requires: ['raw'],
    assigns: ['title', 'standfirst', 'paragraphs', 'captions', 'dropped'],
    run(doc, ctx) {
      const c = cleanArticle({ text: ctx.raw, title: ctx.title, detectTitle: ctx.detectTitle });
      doc.title = c.title;
      doc.standfirst = c.standfirst;
      doc.paragraphs = c.paragraphs;
      doc.captions = c.captions;
      doc.dropped = c.dropped;
    },
  },
  {
    name: 'text.analyse',
    requires: ['title', 'standfirst', 'paragraphs'],
    assigns: ['text', 'sentences', 'tokens'],
    run(doc) {
      const segs: Segment[] = [];
      if (doc.title) segs.push({ text: doc.title, part: 'title', paragraph: segs.length });
      if (doc.standfirst) segs.push({ text: doc.standfirst, part: 'standfirst', paragraph: segs.length });
      for (const p of doc.paragraphs) segs.push({ text: p, part: 'body', paragraph: segs.length });
      const a = analyse(segs);
      doc.text = a.text;
      doc.sentences = a.sentences;
      doc.tokens = a.tokens;
      doc.sentenceTokens = a.sentenceTokens;
      doc.dropped.push(...a.notes);
    },
  },
  { name: 'actors.match', requires: ['tokens'], assigns: ['entities'], run: (doc, ctx) => matchActors(doc, ctx.resources) },
  { name: 'places.find', requires: ['entities'], assigns: ['places'], run: (doc) => addPlaces(doc) },
  { name: 'actors.context', requires: ['entities', 'places'], assigns: ['entities.country'], run: (doc) => assignContextCountry(doc) },
  { name: 'actors.coref', requires: ['entities.country'], assigns: ['entities.ref'], run: (doc, ctx) => resolveCoreference(doc, ctx.resources) },
  { name: 'actors.quotes', requires: ['entities.ref', 'sentences'], assigns: ['quotes'], run: (doc) => findQuotes(doc) },
  { name: 'events.code', requires: ['entities.ref', 'tokens'], assigns: ['events'], run: (doc, ctx) => codeEvents(doc, ctx.resources) },
  { name: 'events.merge', requires: ['events'], assigns: ['events.mentions'], run: (doc) => mergeEvents(doc) },
  { name: 'places.locate', requires: ['events.mentions', 'places'], assigns: ['events.location'], run: (doc) => locateEvents(doc) },
];

/** Fails loudly when a stage requires something no earlier stage assigns. */
export function checkPipeline(stages: Stage[]): void {
  const have = new Set<string>(['raw']);
  for (const s of stages) {
    for (const r of s.requires) {
      if (!have.has(r)) throw new Error(`pipeline: stage ${s.name} requires '${r}', which no earlier stage assigns`);
    }
    for (const a of s.assigns) have.add(a);
  }
}
checkPipeline(PIPELINE);

export interface CodeOptions extends ResourceOptions {
  /** Publication date, YYYY-MM-DD. */
  date?: string | null;
  url?: string | null;
  title?: string | null;
  outlet?: string | null;
  language?: string;
  /** Take a headline-like first line as the title (default true; false for single sentences). */
  detectTitle?: boolean;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function validateDate(date: string | null | undefined, what = 'date'): string | null {
  if (date === undefined || date === null || date === '') return null;
  if (!DATE_RE.test(date)) throw new DyadError('DYAD_E006', `${what} '${date}' is not a date in the form YYYY-MM-DD`);
  const d = new Date(date + 'T00:00:00Z');
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    throw new DyadError('DYAD_E006', `${what} '${date}' is not a real calendar date`);
  }
  return date;
}

/** Runs every stage over one article. */
export function runPipeline(text: string, opts: CodeOptions = {}): Doc {
  const meta: SourceMeta = {
    url: opts.url ?? null,
    outlet: opts.outlet ?? null,
    date: validateDate(opts.date),
    language: opts.language ?? 'en',
  };
  const doc = emptyDoc(meta);
  const ctx: Context = { date: meta.date, resources: getResources(opts), raw: text, title: opts.title ?? null, detectTitle: opts.detectTitle !== false };
  for (const stage of PIPELINE) stage.run(doc, ctx);
  return doc;
}
