/**
 * The CLI dispatcher. Each command is a module under ./commands exporting `run(argv, io)` and
 * `help`; they are listed once here and loaded on demand, so `dyad code` does not pay for DuckDB.
 */
import { DyadError, isDyadError, errorMessage } from '../model/errors.js';
import type { CommandModule, Io } from './io.js';
import { processIo } from './io.js';

export const COMMANDS: Record<string, { summary: string; module: string }> = {
  code: { summary: 'code one article (file or -) into events', module: './commands/code.js' },
  extract: { summary: 'extract the article from an HTML page or URL', module: './commands/extract.js' },
  ingest: { summary: 'ingest files, directories, URLs or feeds into the event store', module: './commands/ingest.js' },
  watch: { summary: 'poll RSS/Atom feeds and ingest new articles', module: './commands/watch.js' },
  events: { summary: 'query stored events', module: './commands/events.js' },
  export: { summary: 'export stored events (jsonl, csv, parquet, gdelt)', module: './commands/export.js' },
  serve: { summary: 'serve the HTTP API and web dashboard', module: './commands/serve.js' },
  worker: { summary: 'take ingest jobs from the queue of a PostgreSQL store', module: './commands/worker.js' },
  status: { summary: 'queue depth, workers, failures and throughput of a PostgreSQL store', module: './commands/status.js' },
  migrate: { summary: 'copy a DuckDB store into PostgreSQL, checking counts and checksums', module: './commands/migrate.js' },
  demo: { summary: 'ingest the bundled sample corpus and print a summary', module: './commands/demo.js' },
};

export function mainHelp(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  return [
    'dyad: turn news articles into political event data (CAMEO/PLOVER)',
    '',
    'usage: dyad <command> [options]',
    '',
    'commands:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${COMMANDS[n]!.summary}`),
    '',
    'Run `dyad <command> --help` for the options of a command.',
  ].join('\n');
}

export async function runCli(argv: string[], io: Io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp() + '\n');
    return name === undefined ? 64 : 0;
  }
  if (name === '--version' || name === '-V') {
    io.out('dyad 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (entry === undefined) {
    io.err(`dyad: unknown command '${name}' (try 'dyad --help')\n`);
    return 64;
  }
  try {
    const mod = (await import(entry.module)) as CommandModule;
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(mod.help.trimEnd() + '\n');
      return 0;
    }
    return await mod.run(rest, io);
  } catch (e) {
    if (isDyadError(e)) {
      io.err(`dyad ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof Error && 'code' in e && (e as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.err(`dyad ${name}: ${e.message} (try 'dyad ${name} --help')\n`);
      return 64;
    }
    if (e instanceof Error && 'code' in e && String((e as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`dyad ${name}: ${e.message}\n`);
      return 64;
    }
    io.err(`dyad ${name}: internal error: ${errorMessage(e)}\n`);
    if (process.env['DYAD_DEBUG']) io.err(String((e as Error).stack) + '\n');
    return 70;
  }
}

export { DyadError };
