import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT, readTable, sourcePath, writeTable } from './table.js';
import { findString, hashStrings, stringAt } from './hashed.js';

const dir = join(PACKAGE_ROOT, 'test-output', `table-${process.pid}`);

function setup(): { src: string; rel: string; file: string } {
  mkdirSync(dir, { recursive: true });
  const src = join(dir, 'words.txt');
  writeFileSync(src, 'alpha beta gamma\n');
  return { src, rel: sourcePath(src), file: join(dir, 'demo.table') };
}

test('a table round-trips its index and its aligned binary sections', () => {
  const { rel, file } = setup();
  try {
    const names = ['Kyiv', 'kyiv', 'nagorno\u0001karabakh', 'Türkiye', ''];
    const h = hashStrings(names);
    writeTable(file, 'demo', [rel], { note: 'three words' }, { bytes: Buffer.from('héllo'), ids: Int32Array.from([3, -1, 7]), units: h.units, starts: h.starts, slots: h.slots });
    const r = readTable<{ note: string }>(file, 'demo', [rel]);
    assert.ok(r.ok);
    assert.equal(r.table.head.note, 'three words');
    assert.equal(Buffer.from(r.table.u8('bytes')).toString('utf8'), 'héllo');
    assert.deepEqual([...r.table.i32('ids')], [3, -1, 7]);
    const back = { units: r.table.u16('units'), starts: r.table.i32('starts'), slots: r.table.i32('slots') };
    names.forEach((n, k) => {
      assert.equal(findString(back, n), k, n);
      assert.equal(stringAt(back, k), n);
    });
    assert.equal(findString(back, 'kiev'), -1);
    assert.throws(() => r.table.i32('bytes'), /no i32 section "bytes"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a table is stale when a source changes, is added, removed or missing, and not when it is only touched', () => {
  const { src, rel, file } = setup();
  try {
    writeTable(file, 'demo', [rel], {});
    assert.ok(readTable(file, 'demo', [rel]).ok);
    // a new modification time with the same content (a checkout, a touch): the hash decides, still fresh
    utimesSync(src, new Date(), new Date(Date.now() + 5000));
    assert.ok(readTable(file, 'demo', [rel]).ok);
    // same size, other content
    writeFileSync(src, 'alpha beta delta\n');
    const changed = readTable(file, 'demo', [rel]);
    assert.deepEqual(changed, { ok: false, why: `${rel} changed since the build` });
    writeTable(file, 'demo', [rel], {});
    assert.ok(readTable(file, 'demo', [rel]).ok);
    const other = sourcePath(join(dir, 'more.txt'));
    assert.match(String((readTable(file, 'demo', [rel, other]) as { why: string }).why), /source files of .*demo\.table changed/);
    assert.equal(readTable(file, 'other-kind', [rel]).ok, false);
    rmSync(src);
    assert.deepEqual(readTable(file, 'demo', [rel]), { ok: false, why: `${rel} is missing` });
    assert.match(String((readTable(join(dir, 'none.table'), 'demo', [rel]) as { why: string }).why), /none\.table has not been built/);
    writeFileSync(file, readFileSync(file).subarray(0, 20));
    assert.match(String((readTable(file, 'demo', [rel]) as { why: string }).why), /is damaged/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
