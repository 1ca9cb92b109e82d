import { test } from 'node:test';
import assert from 'node:assert/strict';
import { limitedLines, type Line } from './lines.js';

async function lines(chunks: string[], max: number): Promise<Line[]> {
  async function* src() {
    for (const c of chunks) yield Buffer.from(c);
  }
  const out: Line[] = [];
  for await (const batch of limitedLines(src(), max)) out.push(...batch);
  return out;
}

test('limitedLines splits on LF and CRLF across chunk boundaries and keeps a last line without newline', async () => {
  assert.deepEqual(await lines(['{"a":', '1}\r\n\n{"b"', ':2}\nlast'], 100), [
    { line: 1, text: '{"a":1}' },
    { line: 2, text: '' },
    { line: 3, text: '{"b":2}' },
    { line: 4, text: 'last' },
  ]);
});

test('limitedLines skips a line over the limit, counting its bytes, and reads on after it', async () => {
  const long = 'x'.repeat(25);
  assert.deepEqual(await lines(['ok\n', long.slice(0, 10), long.slice(10), '\nafter\n'], 20), [
    { line: 1, text: 'ok' },
    { line: 2, tooLong: 25 },
    { line: 3, text: 'after' },
  ]);
  // A line exactly at the limit is kept; an over-long last line with no newline is still reported.
  assert.deepEqual(await lines(['x'.repeat(20), '\n', 'y'.repeat(21)], 20), [
    { line: 1, text: 'x'.repeat(20) },
    { line: 2, tooLong: 21 },
  ]);
});

test('limitedLines decodes UTF-8 split between chunks', async () => {
  const bytes = Buffer.from('Türkiye\n');
  async function* src() {
    yield bytes.subarray(0, 2);
    yield bytes.subarray(2);
  }
  const out: Line[] = [];
  for await (const b of limitedLines(src(), 100)) out.push(...b);
  assert.deepEqual(out, [{ line: 1, text: 'Türkiye' }]);
});
