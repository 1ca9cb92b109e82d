/**
 * Lines of a byte stream with a size limit, for JSONL: memory stays bounded by the limit whatever
 * the input holds. A line longer than the limit is not collected: its bytes are counted and skipped
 * up to the next newline and it comes out as `{ tooLong }`, so reading goes on after it (Node's
 * readline collects a line whatever its size, and a gzip expanding to 2 GiB with no newline threw
 * `RangeError: Invalid string length`, issue #17).
 */

export type Line =
  | { line: number; text: string }
  /** A line over the limit: its number and its length in bytes (without the newline). */
  | { line: number; tooLong: number };

const NL = 10;
const CR = 13;

/**
 * Lines of `input` (chunks of bytes), split on LF (CRLF too); at most `maxBytes` per line kept.
 * Yielded a chunk's worth at a time (an array per chunk read), which keeps the per-line cost of a
 * file of millions of short lines low.
 */
export async function* limitedLines(input: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<Line[]> {
  let parts: Buffer[] = [];
  let held = 0;
  let skipped = -1; // bytes of an over-long line so far; -1 when the line is being kept
  let line = 0;
  const end = (): Line => {
    line++;
    if (skipped >= 0) {
      const out: Line = { line, tooLong: skipped };
      skipped = -1;
      return out;
    }
    let buf = parts.length === 1 ? parts[0]! : Buffer.concat(parts, held);
    if (buf.length > 0 && buf[buf.length - 1] === CR) buf = buf.subarray(0, buf.length - 1);
    parts = [];
    held = 0;
    return { line, text: buf.toString('utf8') };
  };
  const take = (piece: Buffer) => {
    if (skipped >= 0) {
      skipped += piece.length;
    } else if (held + piece.length > maxBytes) {
      skipped = held + piece.length;
      parts = [];
      held = 0;
    } else if (piece.length > 0) {
      parts.push(piece);
      held += piece.length;
    }
  };
  for await (const chunk of input) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    const lines: Line[] = [];
    let from = 0;
    for (let nl = b.indexOf(NL, from); nl !== -1; nl = b.indexOf(NL, from)) {
      take(b.subarray(from, nl));
      lines.push(end());
      from = nl + 1;
    }
    if (from < b.length) take(b.subarray(from));
    if (lines.length > 0) yield lines;
  }
  if (held > 0 || skipped >= 0) yield [end()];
}
