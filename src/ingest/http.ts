/**
 * One HTTP(S) request, no redirect following (the crawler follows them itself, checking each hop),
 * with a deadline, a size limit on the decoded body and a socket `lookup` of the caller's choice
 * (see address.ts). Built on node:http/https, whose `lookup` option runs at connection time, so an
 * address check cannot be raced by DNS.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { DyadError, errorMessage } from '../model/errors.js';

export interface HttpOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  /** Largest decoded body accepted (DYAD_E004 past it). */
  maxBytes: number;
  lookup?: LookupFunction;
}

export interface HttpResponse {
  status: number;
  /** Header values by lower-case name (repeated headers joined by ", "). */
  header(name: string): string | null;
  body: Buffer;
}

/** The response body decoded from its Content-Encoding. */
function decoded(res: IncomingMessage): Readable {
  const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (enc === 'gzip' || enc === 'x-gzip') return res.pipe(createGunzip());
  if (enc === 'deflate') return res.pipe(createInflate());
  if (enc === 'br') return res.pipe(createBrotliDecompress());
  return res;
}

async function readBody(stream: Readable, max: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream as AsyncIterable<Buffer>) {
    n += c.length;
    if (n > max) {
      stream.destroy();
      throw new DyadError('DYAD_E004', `${url}: too large (more than ${max} bytes)`);
    }
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

/** GET `url` once. Network errors reject with their message; the refusals of `lookup` reject as they are. */
export function httpGet(url: URL, opts: HttpOptions): Promise<HttpResponse> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<HttpResponse>((resolve, reject) => {
    const signal = AbortSignal.timeout(opts.timeoutMs);
    const req = send(url, { method: 'GET', headers: { 'accept-encoding': 'gzip, deflate, br', ...opts.headers }, signal, ...(opts.lookup ? { lookup: opts.lookup } : {}) }, (res) => {
      const status = res.statusCode ?? 0;
      const header = (name: string): string | null => {
        const v = res.headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
      };
      const declared = Number(header('content-length') ?? '0');
      if (declared > opts.maxBytes) {
        res.destroy();
        reject(new DyadError('DYAD_E004', `${url.href}: too large (${declared} bytes; limit ${opts.maxBytes})`));
        return;
      }
      // Redirects and errors: the body is not needed.
      if ((status >= 300 && status < 400) || status === 429 || status >= 500) {
        res.resume();
        resolve({ status, header, body: Buffer.alloc(0) });
        return;
      }
      readBody(decoded(res), opts.maxBytes, url.href).then((body) => resolve({ status, header, body }), (e: unknown) => {
        reject(e instanceof DyadError ? e : new Error(signal.aborted ? `no answer within ${opts.timeoutMs / 1000} s` : errorMessage(e)));
      });
    });
    req.on('error', (e) => {
      const cause = (e as { cause?: unknown }).cause;
      if (cause instanceof DyadError) reject(cause);
      else reject(e instanceof DyadError ? e : new Error(signal.aborted ? `no answer within ${opts.timeoutMs / 1000} s` : errorMessage(e)));
    });
    req.end();
  });
}
