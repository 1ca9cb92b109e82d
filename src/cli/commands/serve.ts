/** `dyad serve`: the HTTP API and the analyst's dashboard over an event store. */
import { parseArgs } from 'node:util';
import type { Io } from '../io.js';
import { DyadError } from '../../model/errors.js';

export const help = `usage: dyad serve [--db PATH] [--port 8080] [--host 127.0.0.1] [--allow-host NAME]...

Serve the JSON API (/api/...) and the web dashboard over an event store, read-only.

options:
  --db PATH      event store to read (default ./dyad.duckdb, as written by \`dyad ingest\` / \`dyad demo\`)
  --port N       TCP port (default 8080; 0 picks a free one)
  --host HOST    interface to listen on (default 127.0.0.1; use 0.0.0.0 to expose it)
  --allow-host NAME
                 also answer requests addressed to this host name (repeatable); requests for any
                 other name are refused (403), which stops DNS-rebinding pages reading the store
  -h, --help     show this help

Try: ./bin/dyad demo && ./bin/dyad serve   then open http://127.0.0.1:8080/
API reference: docs/serve.md
`;

/** A port option's value: 0-65535 (0 = any free port). */
export function portOption(value: string | undefined, flag: string): number {
  const port = Number(value);
  if (!/^\d{1,5}$/.test(value ?? '') || port > 65535) {
    throw new DyadError('DYAD_E005', `${flag}: expected a port number 0-65535, got '${value}'`);
  }
  return port;
}

/** What to tell the user when the server could not listen (the error itself when it is not that). */
export function listenError(e: unknown, flag: string, host: string, port: number): unknown {
  const code = (e as { code?: string }).code;
  if (code === 'EADDRINUSE') return new DyadError('DYAD_E005', `port ${port} is already in use (try ${flag} 0 or another port)`);
  if (code === 'EACCES' || code === 'EADDRNOTAVAIL') return new DyadError('DYAD_E005', `cannot listen on ${host}:${port} (${code})`);
  return e;
}

export async function run(argv: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      'allow-host': { type: 'string', multiple: true },
    },
    allowPositionals: false,
  });
  const port = portOption(values.port, '--port');
  const host = values.host ?? '127.0.0.1';
  const allowHosts = values['allow-host'] ?? [];
  for (const h of allowHosts) {
    if (!/^[A-Za-z0-9.:[\]-]{1,253}$/.test(h)) throw new DyadError('DYAD_E005', `--allow-host: expected a host name, got '${h.slice(0, 60)}'`);
  }
  const { defaultDb } = await import('../../store/index.js');
  const { startServer } = await import('../../serve/server.js');
  const dbPath = values.db ?? defaultDb();
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ dbPath, port, host, allowHosts, log: (l) => io.err(l + '\n') });
  } catch (e) {
    throw listenError(e, '--port', host, port);
  }
  io.err(`dyad serve: ${dbPath} at ${server.url}/ (Ctrl-C to stop)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve, resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
