/**
 * The pipeline: stages listed once, in order. Each stage declares the layers it requires and
 * assigns (src/model/stage.ts); `checkPipeline` verifies at start-up that an earlier stage
 * assigns every requirement and that no layer has two writers. docs/architecture.md describes
 * the stages and their layers.
 */
import type { Doc, LayerName, Layers, SourceMeta } from './model/document.js';
import { emptyDoc } from './model/document.js';
import { DyadError } from './model/errors.js';
import { isCalendarDate } from './model/dates.js';
import type { Stage, StageInput } from './model/stage.js';
import { getResources, type Resources, type ResourceOptions } from './resources.js';
import { textAnalyse, textClean } from './text/stage.js';
import { actorsMatch, actorsQuotes, actorsResolve } from './actors/stage.js';
import { placesFind } from './places/stage.js';
import { datesFind } from './time/stage.js';
import { eventsCode, eventsLocate } from './events/stage.js';

/** Any stage, as the pipeline runs it. */
export interface AnyStage {
  name: Stage['name'];
  requires: readonly LayerName[];
  assigns: readonly LayerName[];
  resources: readonly (keyof Resources)[];
  run(doc: Doc, res: Resources, input: StageInput): Partial<Layers>;
}

export const PIPELINE: readonly AnyStage[] = [textClean, textAnalyse, actorsMatch, placesFind, actorsResolve, actorsQuotes, datesFind, eventsCode, eventsLocate];

/** Fails loudly when a stage requires a layer no earlier stage assigns, or a layer has two writers. */
export function checkPipeline(stages: readonly AnyStage[]): void {
  const writer = new Map<LayerName, string>();
  for (const s of stages) {
    for (const r of s.requires) {
      if (!writer.has(r)) throw new Error(`pipeline: stage ${s.name} requires layer '${r}', which no earlier stage assigns`);
    }
    for (const a of s.assigns) {
      const w = writer.get(a);
      if (w !== undefined) throw new Error(`pipeline: stage ${s.name} assigns layer '${a}', which stage ${w} already assigns`);
      writer.set(a, s.name);
    }
  }
}
checkPipeline(PIPELINE);

/** The resources a stage named, and only those. */
function resourcesFor(stage: AnyStage, all: Resources): Resources {
  const out: Partial<Resources> = {};
  for (const k of stage.resources) (out as Record<string, unknown>)[k] = all[k];
  return out as Resources;
}

/** Runs the stages over a document: each stage's layers are stored, and only those. `onStage` gets each stage's time (ms). */
export function runStages(doc: Doc, stages: readonly AnyStage[], res: Resources, input: StageInput, onStage?: (stage: string, ms: number) => void): Doc {
  let d = doc;
  for (const stage of stages) {
    const t0 = onStage ? performance.now() : 0;
    const out = stage.run(d, resourcesFor(stage, res), input);
    if (onStage) onStage(stage.name, performance.now() - t0);
    for (const k of Object.keys(out)) {
      if (!stage.assigns.includes(k as LayerName)) throw new Error(`pipeline: stage ${stage.name} returned layer '${k}', which it does not assign`);
    }
    d = { meta: d.meta, layers: { ...d.layers, ...out } };
  }
  return d;
}

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
  if (!isCalendarDate(date)) throw new DyadError('DYAD_E006', `${what} '${date}' is not a real calendar date`);
  return date;
}

/** Runs every stage over one article. */
export function runPipeline(text: string, opts: CodeOptions = {}, onStage?: (stage: string, ms: number) => void): Doc {
  const meta: SourceMeta = {
    url: opts.url ?? null,
    outlet: opts.outlet ?? null,
    date: validateDate(opts.date),
    language: opts.language ?? 'en',
  };
  const input: StageInput = { raw: text, title: opts.title ?? null, detectTitle: opts.detectTitle !== false };
  const res = getResources(opts);
  // Cleaning comes first and finds the dateline; its date is the publication date when the caller
  // gave none, settled before any later stage reads the date.
  const [clean, ...rest] = PIPELINE;
  let doc = runStages(emptyDoc(meta), [clean!], res, input, onStage);
  const datelineDate = doc.layers.article.dateline?.date ?? null;
  if (meta.date === null && datelineDate !== null) doc = { meta: { ...meta, date: datelineDate }, layers: doc.layers };
  return runStages(doc, rest, res, input, onStage);
}
