/**
 * Every user-facing error of Dyad, with a stable code. Messages name the input and what is wrong.
 * The CLI prints `dyad: <message>` and exits with `exitCode`; nothing prints a stack trace.
 */
export const ERRORS = {
  DYAD_E001: { exit: 66, what: 'input not found' },
  DYAD_E002: { exit: 65, what: 'input is not text (binary or undecodable)' },
  DYAD_E003: { exit: 65, what: 'input is empty' },
  DYAD_E004: { exit: 65, what: 'input too large' },
  DYAD_E005: { exit: 64, what: 'bad command-line usage' },
  DYAD_E006: { exit: 64, what: 'bad date' },
  DYAD_E007: { exit: 65, what: 'bad data file' },
  DYAD_E008: { exit: 74, what: 'input could not be read' },
  DYAD_E009: { exit: 65, what: 'bad document' },
  DYAD_E010: { exit: 69, what: 'network source unavailable' },
  DYAD_E011: { exit: 70, what: 'store error' },
  // DYAD_E060-E069: ingestion (issue #17)
  DYAD_E060: { exit: 69, what: 'refused: a URL from a feed, redirect or link points at an internal address' },
  DYAD_E050: { exit: 69, what: 'PostgreSQL server unreachable' },
  DYAD_E051: { exit: 70, what: 'PostgreSQL store error' },
  DYAD_E052: { exit: 70, what: 'job queue error' },
  DYAD_E053: { exit: 70, what: 'store migration check failed' },
  DYAD_E054: { exit: 64, what: 'command needs a PostgreSQL store' },
  DYAD_E030: { exit: 65, what: 'bad gazetteer file' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class DyadError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DyadError';
    this.code = code;
    this.exitCode = ERRORS[code].exit;
  }
}

export function isDyadError(e: unknown): e is DyadError {
  return e instanceof DyadError;
}

/** A one-line message for any thrown value, for CLI output and failure tables. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
