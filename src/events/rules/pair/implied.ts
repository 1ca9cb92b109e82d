import type { Actor } from '../../../model/document.js';

/** An actor no text names, placed at the trigger with an empty span. */
export function impliedActor(code: string, country: string, role: string | null, name: string, at: number): Actor {
  return { code, country, role, name, text: '', start: at, end: at, entity: -1, implied: true };
}
