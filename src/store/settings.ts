/**
 * The store's settings that every backend keeps the same way (the `settings` table).
 */
import { DyadError } from '../model/errors.js';

/**
 * The merge window is part of the merged event ids, so it is fixed when a store is created: later
 * opens use the stored value, and asking for another one is an error. `read` returns the stored
 * value (or undefined); `write` stores one (and must not overwrite a value written meanwhile).
 */
export async function settleWindow(
  read: () => Promise<unknown>,
  write: (w: number) => Promise<void>,
  path: string,
  requested: number | undefined,
): Promise<number> {
  let stored = await read();
  if (stored === undefined || stored === null) {
    await write(Math.max(1, Math.floor(requested ?? 1)));
    stored = await read();
  }
  const w = Number(stored);
  if (requested !== undefined && Math.floor(requested) !== w) {
    throw new DyadError(
      'DYAD_E005',
      `${path} merges events in ${w}-day windows; it cannot be changed to ${requested} (use a new --db)`,
    );
  }
  return w;
}
