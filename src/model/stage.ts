/**
 * A pipeline stage, as spaCy's components: it declares the layers it requires and the layers it
 * assigns, and receives only the resources it names. `run` returns exactly its assigned layers;
 * the pipeline (src/pipeline.ts) stores them, so every layer has one writer and is read-only to
 * the others.
 */
import type { Doc, LayerName, Layers } from './document.js';
import type { Resources } from '../resources.js';

/** What the pipeline gives a stage besides the Doc: the raw input and the resources it named. */
export interface StageInput {
  /** Raw input, before cleaning. */
  raw: string;
  /** A title given by the caller, or null. */
  title: string | null;
  detectTitle: boolean;
}

export interface Stage<A extends LayerName = LayerName, K extends keyof Resources = keyof Resources> {
  /** `area.verb`: actors.match, places.find, events.code… */
  name: `${string}.${string}`;
  requires: readonly LayerName[];
  assigns: readonly A[];
  /** The resources `run` reads (and nothing else is passed to it). */
  resources: readonly K[];
  run(doc: Doc, res: Pick<Resources, K>, input: StageInput): Pick<Layers, A>;
}

/** Declares a stage with its types inferred from the literal. */
export function defineStage<A extends LayerName, K extends keyof Resources = never>(stage: Stage<A, K>): Stage<A, K> {
  return stage;
}
