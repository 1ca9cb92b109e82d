/**
 * `dyad serve`: one node:http process serving the JSON API (/api/…) and the dashboard (dist/web).
 * Errors are JSON `{ "error": message, "parameter"?: name }`; stack traces stay in the server log.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { basename, extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { openReadStore, type PoolLimits, type ReadStore } from './db.js';
import { HttpError } from './params.js';
import * as api from './api.js';
import { ResponseCache, StoreWatch, cacheKey, type CacheLimits } from './cache.js';
import { ClientGone, CodeQueue, type CodingLimits } from './coding.js';
import { checkPost, hostCheck } from './guard.js';
import { isDyadError } from '../model/errors.js';

export const MAX_BODY_BYTES = 1024 * 1024;

/** dist/web, next to this compiled file's folder (dist/serve). */
export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'";

function sendJson(res: ServerResponse, status: number, body: unknown, head = false): void {
  sendText(res, status, JSON.stringify(body), head);
}

function sendText(res: ServerResponse, status: number, data: string | Buffer, head: boolean): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : data);
}

/** Read a request body up to MAX_BODY_BYTES; a larger one is drained (not buffered) and refused with 413. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const tooLarge = () => new HttpError(413, `body: larger than the ${MAX_BODY_BYTES}-byte limit`, 'body');
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) over = true;
      if (!over) chunks.push(c);
    });
    req.on('end', () => (over ? reject(tooLarge()) : resolveBody(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function decodeSegment(s: string, name: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new HttpError(400, `${name}: badly encoded`, name);
  }
}

type Route = (m: RegExpExecArray, url: URL, req: IncomingMessage, signal: AbortSignal) => Promise<unknown>;

/**
 * The dashboard's landing questions, computed into the cache as soon as the store is open and again
 * after each change, so the first visitor of a large store does not wait for the aggregations.
 */
const PREWARM = ['/api/overview', '/api/network', '/api/events?limit=50&offset=0&order=desc&sort=date'];

/** A route: method, path pattern, handler, and whether its answers may be cached until the store changes. */
type Entry = [string, RegExp, Route, boolean?];

function routes(db: ReadStore, health: () => Promise<unknown>, coder: CodeQueue): Entry[] {
  return [
    ['GET', /^\/api\/health$/, health],
    ['GET', /^\/api\/overview$/, (_m, u) => api.overview(db, u.searchParams), true],
    ['GET', /^\/api\/events$/, (_m, u) => api.listEvents(db, u.searchParams), true],
    ['GET', /^\/api\/events\/([^/]+)$/, (m, u) => api.getEvent(db, decodeSegment(m[1]!, 'id'), u.searchParams), true],
    ['GET', /^\/api\/articles\/([^/]+)$/, (m, u) => api.getArticle(db, decodeSegment(m[1]!, 'id'), u.searchParams), true],
    ['GET', /^\/api\/actors$/, (_m, u) => api.listActors(db, u.searchParams), true],
    ['GET', /^\/api\/outlets$/, (_m, u) => api.listOutlets(db, u.searchParams), true],
    [
      'GET',
      /^\/api\/dyads\/([^/]+)\/([^/]+)\/timeline$/,
      (m, u) => api.dyadTimeline(db, decodeSegment(m[1]!, 'a'), decodeSegment(m[2]!, 'b'), u.searchParams),
      true,
    ],
    ['GET', /^\/api\/network$/, (_m, u) => api.network(db, u.searchParams), true],
    [
      'POST',
      /^\/api\/code$/,
      async (_m, _u, req, signal) => {
        const raw = await readBody(req);
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'body: not valid JSON', 'body');
        }
        return api.codeText(body, (text, opts) => coder.code(text, opts, signal));
      },
    ],
  ];
}

async function serveStatic(pathname: string, res: ServerResponse, head: boolean, webRoot: string): Promise<void> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, 'path: badly encoded');
  }
  if (rel.includes('\0') || rel.includes('\\')) throw new HttpError(400, 'path: not allowed');
  if (rel === '/' || rel === '') rel = '/index.html';
  const root = resolve(webRoot);
  const file = resolve(root, '.' + rel);
  if (!file.startsWith(root + sep)) throw new HttpError(404, `not found: ${pathname}`);
  const st = await stat(file).catch(() => null);
  if (st === null || !st.isFile()) {
    if (rel === '/index.html') throw new HttpError(404, 'the web app is not built (run `npm run build`)');
    throw new HttpError(404, `not found: ${pathname}`);
  }
  const data = await readFile(file);
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': data.length,
    'Cache-Control': rel === '/index.html' ? 'no-cache' : 'public, max-age=300',
    ...(type.startsWith('text/html') ? { 'Content-Security-Policy': CSP } : {}),
  });
  res.end(head ? undefined : data);
}

export interface ServerOptions {
  /** The event store file (opened read-only unless `store` is given; its file name is shown by /api/health). */
  dbPath: string;
  /**
   * An open store to read instead of opening `dbPath`, e.g. the writer of a running `dyad watch`
   * (DuckDB lets one process write a file, and then no other process may open it). The caller
   * keeps ownership: closing the server does not close it.
   */
  store?: Pick<ReadStore, 'query'>;
  port?: number;
  /** Address to listen on (default 127.0.0.1); requests must name it (or an allowed name) in `Host`. */
  host?: string;
  /** More host names to serve (`--allow-host`), e.g. the machine's name behind a proxy. */
  allowHosts?: readonly string[];
  /** Folder of the built web app (default dist/web). */
  webRoot?: string;
  /** Called with one line per failed request (default: stderr). */
  log?: (line: string) => void;
  /** Read pool size, per-query time limit and queue bound (when the server opens `dbPath`). */
  pool?: PoolLimits;
  /** POST /api/code: queue bound, time budget per text, coder module. */
  coding?: CodingLimits;
  /** Response cache bounds, and how often the store's version is polled (default 1000 ms). */
  cache?: CacheLimits & { pollMs?: number };
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  /** Hits and misses of the response cache, and coder workers started (for tests and benchmarks). */
  stats(): { hits: number; misses: number; coderStarts: number };
}


/** On a writer's store, /api/health waits this long for fresh counts, then answers with the last ones. */
const HEALTH_WAIT_MS = 50;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const shared = opts.store;
  const db: ReadStore = shared
    ? { query: (sql, params) => shared.query(sql, params), close: async () => undefined }
    : await openReadStore(opts.dbPath, opts.pool);
  const cache = new ResponseCache(opts.cache);
  const coder = new CodeQueue(opts.coding);
  let table: Entry[] = [];
  const prewarm = () => {
    const never = new AbortController().signal;
    for (const path of PREWARM) {
      const url = new URL(path, 'http://localhost');
      const entry = table.find(([m, re]) => m === 'GET' && re.test(url.pathname));
      if (entry) void cache.get(cacheKey(url), () => entry[2](entry[1].exec(url.pathname)!, url, {} as IncomingMessage, never)).catch(() => undefined);
    }
  };
  const watch = new StoreWatch((sql) => (db.meta ? db.meta(sql) : db.query(sql)), cache, prewarm);
  const bindHost = opts.host ?? '127.0.0.1';
  const checkHost = hostCheck(bindHost, opts.allowHosts);
  const dbName = basename(opts.dbPath);
  const pollMs = opts.cache?.pollMs ?? 1000;
  // Health never uses the read pool. A read-only store cannot change while it is open (DuckDB lets
  // no writer in), so its kept counts are exact; on a writer's store (watch --serve), whose commits
  // land in this process, health asks for fresh counts but waits at most HEALTH_WAIT_MS for them.
  const health = async () => {
    const { counts, asOf } = shared ? await watch.current(HEALTH_WAIT_MS) : watch.latest(pollMs);
    return api.health(dbName, counts, asOf);
  };
  table = routes(db, health, coder);
  const webRoot = opts.webRoot ?? WEB_ROOT;
  const log = opts.log ?? ((line: string) => void process.stderr.write(line + '\n'));

  const server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const head = method === 'HEAD';
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      sendJson(res, 400, { error: 'bad request URL' });
      return;
    }
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    const handle = async (): Promise<void> => {
      checkHost(req.headers.host);
      if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
        let allowed: string[] = [];
        for (const [m, re, fn, cacheable] of table) {
          const match = re.exec(url.pathname);
          if (!match) continue;
          allowed.push(m);
          if (m === method || (m === 'GET' && head)) {
            if (m === 'POST') checkPost(req);
            const json = cacheable
              ? await cache.get(cacheKey(url), () => fn(match, url, req, gone.signal))
              : JSON.stringify(await fn(match, url, req, gone.signal));
            sendText(res, 200, json, head);
            return;
          }
        }
        allowed = [...new Set(allowed)];
        if (allowed.length) {
          res.setHeader('Allow', allowed.join(', '));
          throw new HttpError(405, `method ${method} not allowed on ${url.pathname} (use ${allowed.join(', ')})`);
        }
        throw new HttpError(404, `no such API route: ${url.pathname}`);
      }
      if (method !== 'GET' && !head) throw new HttpError(405, `method ${method} not allowed`);
      await serveStatic(url.pathname, res, head, webRoot);
    };
    handle().catch((e: unknown) => {
      if (res.headersSent || e instanceof ClientGone) {
        res.destroy();
        return;
      }
      if (e instanceof HttpError) {
        sendJson(res, e.status, e.parameter ? { error: e.message, parameter: e.parameter } : { error: e.message }, head);
      } else if (isDyadError(e)) {
        sendJson(res, 400, { error: e.message, code: e.code }, head);
      } else {
        log(`dyad serve: ${method} ${url.pathname}: ${(e as Error)?.message ?? String(e)}`);
        sendJson(res, 500, { error: 'internal error' }, head);
      }
    });
  });
  server.requestTimeout = 60_000;
  try {
    await watch.start(pollMs);
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 8080, bindHost, () => resolveListen());
    });
  } catch (e) {
    watch.stop();
    await coder.close();
    await db.close();
    throw e;
  }
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${host}:${addr.port}`,
    stats: () => ({ hits: cache.hits, misses: cache.misses, coderStarts: coder.starts }),
    close: async () => {
      watch.stop();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      await coder.close();
      await db.close();
    },
  };
}
