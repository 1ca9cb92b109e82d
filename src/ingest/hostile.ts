/**
 * Sizes for the hostile-input tests (`*.hostile.test.ts`): `npm test` runs them in a fast form,
 * `npm run test:hostile` (DYAD_HOSTILE=full) at the sizes of the issue that found them (#17).
 */
export const HOSTILE_FULL = process.env['DYAD_HOSTILE'] === 'full';

/** `fast` under `npm test`, `full` under `npm run test:hostile`. */
export function hostileSize<T>(fast: T, full: T): T {
  return HOSTILE_FULL ? full : fast;
}
